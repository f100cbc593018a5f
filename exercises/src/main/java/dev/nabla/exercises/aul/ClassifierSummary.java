package dev.nabla.exercises.aul;

import dev.nabla.exercises.Exercise;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.Result;
import dev.nabla.exercises.Target;
import dev.nabla.exercises.plot.TextPicture;
import dev.nabla.layers.Sequential;

/**
 * AUL-5 Exercise 19, defining a classifier and printing its summary:
 * <pre>
 * model = Sequential([Dense(500, input_shape=(1024,), activation='relu'), Dense(10, activation='softmax')])
 * model.summary()
 * </pre>
 * 1024 · 500 + 500 = 512,500 and 500 · 10 + 10 = 5,010 parameters, 517,510 in all.
 */
public final class ClassifierSummary implements Exercise {
    @Override public String id() { return "aul-ex19"; }
    @Override public String title() { return "AUL-5 Ex. 19 define the CIFAR-10 classifier 1024-500-10 and print its summary"; }
    @Override public Target target() { return Target.exact("params", 517_510); }

    @Override
    public Result run(Reproduction r) {
        Sequential model = CifarClassifier.network();
        String summary = model.summary();
        r.out().print(summary.endsWith("\n") ? summary : summary + "\n");
        TextPicture.write(r.picture("summary"), summary);
        return r.result(model.countParams());
    }
}
