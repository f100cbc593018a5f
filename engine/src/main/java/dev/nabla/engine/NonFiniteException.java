package dev.nabla.engine;

/** A tensor held NaN or an infinity where finite values were required. */
public final class NonFiniteException extends ArithmeticException {
    public NonFiniteException(String message) {
        super(message);
    }
}
