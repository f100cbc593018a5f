package dev.nabla.datasets.pickle;

/**
 * The bytes one unpickling may copy out of values it already holds, proportional to the input's
 * size. Reading a value from the input costs at most a constant per input byte, but a memoised
 * value can be handed to {@code _codecs.encode}, {@code _frombuffer} or BUILD any number of
 * times, and each of those copies it; without a total, a 4 MB pickle could ask for 80 GB. Every
 * such copy is charged here before it is made.
 */
final class Budget {
    /** Legitimate pickles copy each payload byte at most three times (latin1 text, byte swap, Fortran order). */
    static final int COPIES_PER_INPUT_BYTE = 4;
    /** Room for small pickles, whose few arrays may be larger than their opcodes. */
    static final long FLOOR = 1 << 20;

    private final long limit;
    private long spent;

    private Budget(long limit) {
        this.limit = limit;
    }

    /** The budget for a pickle of {@code inputBytes} bytes. */
    static Budget forInput(long inputBytes) {
        return new Budget(COPIES_PER_INPUT_BYTE * inputBytes + FLOOR);
    }

    /** Records that {@code what} is about to copy {@code bytes} bytes, or refuses when that exceeds the budget. */
    void charge(long bytes, String what) {
        spent += bytes;
        if (spent > limit) {
            throw new PickleFormatError(what + " would copy " + spent + " bytes in total, over the budget of " + limit
                    + " bytes (" + COPIES_PER_INPUT_BYTE + " × the pickle's size + 1 MiB); a memoised value is reused too often");
        }
    }
}
