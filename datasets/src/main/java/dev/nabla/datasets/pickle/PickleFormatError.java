package dev.nabla.datasets.pickle;

/** What was wrong at the current opcode; the unpickler adds the file and byte offset. */
final class PickleFormatError extends RuntimeException {
    PickleFormatError(String problem) {
        super(problem, null, false, false);
    }
}
