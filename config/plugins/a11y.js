// Taro's weapp templates pass only the attributes they know; WeChat's screen reader reads
// aria-label (读屏), so Button and Image (our icon-only tap targets) learn it here.
module.exports = (ctx) => {
  ctx.modifyComponentConfig(({ config }) => {
    const template = config && config.template;
    if (!template || typeof template.mergeComponents !== 'function') return;
    template.mergeComponents(ctx, {
      Button: { 'aria-label': "''" },
      Image: { 'aria-label': "''" },
    });
  });
};
