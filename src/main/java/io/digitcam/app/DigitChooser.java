package io.digitcam.app;

import io.digitcam.samples.SampleLabel;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/**
 * The small chooser a click on a digit's box opens: 0–9 and "not a digit", the current reading
 * highlighted (and focused, so Enter confirms it). Choosing calls back with the label; Esc or a
 * click elsewhere closes it and nothing is chosen.
 */
final class DigitChooser {
    static final String CURRENT_STYLE = "-fx-font-weight: bold; -fx-border-color: #2e8bff; -fx-border-width: 2;"
            + " -fx-border-radius: 3;";

    private final Popup popup = new Popup();
    private SampleLabel chosen;

    /**
     * @param current the label shown now, -1 for none
     */
    DigitChooser(int current, Consumer<SampleLabel> onChosen, Runnable onCancelled) {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        Button focus = null;
        for (int d = 0; d <= 9; d++) {
            Button b = button(Integer.toString(d), SampleLabel.of(d));
            b.setPrefWidth(38);
            grid.add(b, d % 5, d / 5);
            if (d == current) {
                b.setStyle(CURRENT_STYLE);
                focus = b;
            }
        }
        Button none = button("not a digit", SampleLabel.NOT_A_DIGIT);
        none.setMaxWidth(Double.MAX_VALUE);
        grid.add(none, 0, 2, 5, 1);
        Label title = new Label("What is this?");
        title.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(6, title, grid, new Label("Esc cancels"));
        box.setId("digit-chooser");
        box.setPadding(new Insets(8));
        box.setStyle("-fx-background-color: #f4f4f4; -fx-border-color: #888; -fx-background-radius: 4;"
                + " -fx-border-radius: 4; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.4), 8, 0, 0, 2);");
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        popup.setOnHidden(e -> {
            if (chosen != null) {
                onChosen.accept(chosen);
            } else {
                onCancelled.run();
            }
        });
        Button first = focus;
        popup.setOnShown(e -> {
            if (first != null) {
                first.requestFocus();
            }
        });
    }

    private Button button(String text, SampleLabel label) {
        Button b = new Button(text);
        b.setId("choose-" + label.folder());
        b.setOnAction(e -> {
            chosen = label;
            popup.hide();
        });
        return b;
    }

    void show(Window owner, double screenX, double screenY) {
        popup.show(owner, screenX, screenY);
    }

    void hide() {
        popup.hide();
    }

    boolean isShowing() {
        return popup.isShowing();
    }
}
