// nabla's JShell start-up: the usual imports, so that a session can begin with
//   var x = Tensor.randn(new SplittableRandom(1), 2, 3).requiresGrad(true);
import java.util.*;
import java.nio.file.*;
import dev.nabla.engine.*;
import dev.nabla.engine.autograd.*;
import dev.nabla.engine.ops.*;
import dev.nabla.engine.profile.*;
import dev.nabla.layers.*;
import dev.nabla.layers.losses.*;
import dev.nabla.optim.*;
import dev.nabla.datasets.*;
System.out.println("nabla shell: Tensor, Autograd, GraphView, Profiler, layers, losses and optimizers are imported; /exit to leave");
