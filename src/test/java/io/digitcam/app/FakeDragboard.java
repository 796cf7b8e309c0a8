package io.digitcam.app;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.security.AccessControlContext;
import java.util.List;
import java.util.Set;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * A dragboard holding files, as the desktop hands one to a drop: JavaFX offers no public way to
 * make one, and Monocle has no desktop to drag from, so the test builds it through JavaFX's own
 * helper around a minimal peer.
 */
final class FakeDragboard implements TKClipboard {
    private final List<File> files;

    private FakeDragboard(List<File> files) {
        this.files = files;
    }

    static Dragboard holding(List<File> files) {
        Dragboard board = DragboardHelper.createDragboard(new FakeDragboard(files));
        // A real drop lifts the restriction while the drop handler runs.
        DragboardHelper.setDataAccessRestriction(board, false);
        return board;
    }

    @Override
    public void setSecurityContext(AccessControlContext context) {
    }

    @Override
    public Set<DataFormat> getContentTypes() {
        return Set.of(DataFormat.FILES);
    }

    @Override
    @SafeVarargs
    public final boolean putContent(Pair<DataFormat, Object>... content) {
        return false;
    }

    @Override
    public Object getContent(DataFormat format) {
        return DataFormat.FILES.equals(format) ? files : null;
    }

    @Override
    public boolean hasContent(DataFormat format) {
        return DataFormat.FILES.equals(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
        return Set.of(TransferMode.COPY);
    }

    @Override
    public void setDragView(Image image) {
    }

    @Override
    public void setDragViewOffsetX(double offsetX) {
    }

    @Override
    public void setDragViewOffsetY(double offsetY) {
    }

    @Override
    public Image getDragView() {
        return null;
    }

    @Override
    public double getDragViewOffsetX() {
        return 0;
    }

    @Override
    public double getDragViewOffsetY() {
        return 0;
    }
}
