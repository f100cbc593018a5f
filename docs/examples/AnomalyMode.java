import dev.nabla.engine.NonFiniteException;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;

/**
 * Anomaly mode on a computation whose backward makes a NaN: √x has an infinite slope at 0, and
 * the chain rule multiplies it by the 0 that |x|' gives there. Run: ./nabla example docs/examples/AnomalyMode.java
 */
public class AnomalyMode {
    public static void main(String[] args) {
        Tensor x = Tensor.of(new float[] {4, -1, 0, 9}, 4).requiresGrad(true);

        Tensor quiet = x.abs().sqrt().sum();          // without anomaly mode the NaN just lands in x.grad()
        quiet.backward();
        System.out.println("without anomaly mode: x.grad() = " + x.grad());

        x.zeroGrad();
        try (var anomaly = Autograd.detectAnomaly(true)) {
            Tensor loss = x.abs().sqrt().sum();
            loss.backward();
        } catch (NonFiniteException e) {
            System.out.println(e.getMessage());
        }
    }
}
