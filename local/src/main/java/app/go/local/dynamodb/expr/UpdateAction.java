package app.go.local.dynamodb.expr;

/** One action of an UpdateExpression's SET, REMOVE, ADD or DELETE clause. */
public sealed interface UpdateAction {
    Path path();

    record Set(Path path, Operand value) implements UpdateAction {}

    record Remove(Path path) implements UpdateAction {}

    record Add(Path path, Operand value) implements UpdateAction {}

    record Delete(Path path, Operand value) implements UpdateAction {}
}
