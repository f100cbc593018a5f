package dev.nabla.cuda;

import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs every test of this module, as the GPU machine's check script does (it has a Java runtime
 * but no build tool): prints whether CUDA is usable, each failure, and the counts; exits 1 on a
 * failure. On a machine without a GPU the GPU tests are skipped with the reason.
 */
public final class DeviceChecks {
    private DeviceChecks() {}

    public static void main(String[] args) {
        System.out.println("CUDA: " + (CudaBackend.isAvailable() ? "available" : "unavailable, " + CudaBackend.unavailableReason()));
        var summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectPackage("dev.nabla.cuda")).build(), summary);
        PrintWriter out = new PrintWriter(System.out, true);
        summary.getSummary().printFailuresTo(out, 20);
        summary.getSummary().printTo(out);
        System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
    }
}
