package app.go.domain.port;

/** Port to a multilingual text-embedding model (deployed: Amazon Titan Text Embeddings V2). */
public interface TextEmbedder {

    /** A unit-length vector of the text; throws {@link LanguageModelException} when the model cannot answer. */
    float[] embed(String text);
}
