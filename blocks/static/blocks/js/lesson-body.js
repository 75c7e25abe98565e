// The lesson body in the admin: some of its block types are kept out of the "+" menu.
// Their definitions stay known (childBlockDefsByName is built before the filter), so
// blocks of those types already in a page still show and save as before.
(() => {
  const { StreamBlockDefinition } = window.wagtailStreamField.blocks;

  class LessonStreamBlockDefinition extends StreamBlockDefinition {
    constructor(name, groupedChildBlockDefs, initialChildStates, meta) {
      super(name, groupedChildBlockDefs, initialChildStates, meta);
      const hidden = new Set(meta.hiddenFromMenu || []);
      this.groupedChildBlockDefs = groupedChildBlockDefs
        .map(([group, defs]) => [group, defs.filter((def) => !hidden.has(def.name))])
        .filter(([, defs]) => defs.length > 0);
    }
  }

  window.telepath.register('lectern.blocks.LessonStreamBlock', LessonStreamBlockDefinition);
})();
