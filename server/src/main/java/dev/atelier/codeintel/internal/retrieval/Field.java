package dev.atelier.codeintel.internal.retrieval;

/**
 * The parts of a file that BM25F scores, each with its weight and length normalisation: a term in
 * the file's own name or in a definition's name says more about the file than one in its body.
 */
enum Field {
  FILE_NAME(3.0f, 0.2f),
  FOLDERS(1.0f, 0.3f),
  SYMBOL_NAMES(2.0f, 0.5f),
  DOCS(1.0f, 0.5f),
  CONTENT(1.0f, 0.75f);

  final float weight;
  final float b;

  Field(float weight, float b) {
    this.weight = weight;
    this.b = b;
  }
}
