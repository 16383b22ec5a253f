/** A review decision that cannot be carried out, said in German and English with what to do instead. */
export class ReviewError extends Error {
  constructor(
    readonly code: 'mergeIntoItself' | 'distinctFromItself' | 'notFound',
    readonly text: { de: string; en: string },
  ) {
    super(text.en);
    this.name = 'ReviewError';
  }

  static intoItself(id: number) {
    return new ReviewError('mergeIntoItself', {
      de: `Organisation Nr. ${id} kann nicht mit sich selbst zusammengeführt werden. Wählen Sie als Ziel eine andere Organisation aus der Liste der möglichen Dubletten.`,
      en: `Organisation no. ${id} cannot be merged into itself. Choose another organisation from its list of likely duplicates as the target.`,
    });
  }

  static distinctFromItself(id: number) {
    return new ReviewError('distinctFromItself', {
      de: `Organisation Nr. ${id} kann nicht als verschieden von sich selbst markiert werden. Wählen Sie zwei verschiedene Organisationen.`,
      en: `Organisation no. ${id} cannot be marked as distinct from itself. Choose two different organisations.`,
    });
  }

  static notFound(id: number) {
    return new ReviewError('notFound', {
      de: `Organisation Nr. ${id} gibt es nicht (mehr) – vielleicht wurde sie gerade zusammengeführt. Laden Sie die Prüfliste neu und wählen Sie erneut.`,
      en: `There is no organisation no. ${id} (any more) – it may just have been merged. Reload the review queue and choose again.`,
    });
  }
}
