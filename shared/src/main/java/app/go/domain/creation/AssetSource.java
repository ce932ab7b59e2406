package app.go.domain.creation;

/** Where a training asset came from (CM-AST-1). */
public enum AssetSource {
    UPLOAD, PORTFOLIO, WORK_SAMPLE
}
