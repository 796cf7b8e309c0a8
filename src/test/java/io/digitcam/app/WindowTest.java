package io.digitcam.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share: the headless toolkit, the app under test, reading its labels, waiting. */
abstract class WindowTest {
    static final long WAIT_SECONDS = 60;

    DigitCamApp app;
    final FxRobot robot = new FxRobot();

    /** Once per test class, before any window: native libraries first, as the app's own start does. */
    static void startToolkit() throws Exception {
        NativeLibraries.load(1);
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; numbers '" + text("#numbers") + "', status '"
                    + text("#status") + "'" + (app == null ? "" : ", message '" + app.controller().window().messageText() + "'"));
        }
    }
}
