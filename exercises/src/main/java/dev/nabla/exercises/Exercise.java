package dev.nabla.exercises;

/**
 * One reproduction of a book exercise: trains (or evaluates) a model, prints Keras-style progress,
 * writes its pictures and returns its figure, which {@link Main} prints as the RESULT line. Each
 * run gets its own {@link Reproduction}: the options, the seeded scope its models are built in,
 * and what collects its fits and pictures.
 */
public interface Exercise {

    /** The id used on the command line, e.g. {@code homl-stacked}. */
    String id();

    /** A one-line title for {@code ./nabla list}. */
    String title();

    /** The book's figure, its tolerance and how the two are compared. */
    Target target();

    Result run(Reproduction run) throws Exception;
}
