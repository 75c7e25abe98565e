// Escape hides a glossary definition shown by hover or focus (WCAG 1.4.13); it shows again
// when the pointer or the focus comes back.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".glossary:hover, .glossary:focus-within").forEach((term) => {
    term.classList.add("glossary--dismissed");
  });
});
for (const term of document.querySelectorAll(".glossary")) {
  const show = () => term.classList.remove("glossary--dismissed");
  term.addEventListener("mouseenter", show);
  term.addEventListener("focusin", show);
}
