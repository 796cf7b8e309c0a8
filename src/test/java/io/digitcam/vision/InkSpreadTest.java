package io.digitcam.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.moments;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class InkSpreadTest {
    @Test
    void aBarSpreadsByItsLengthAlongAndItsWidthAcrossWhicheverWayItLies() {
        for (boolean upright : new boolean[] {true, false}) {
            try (Mat mask = new Mat(100, 100, CV_8UC1, Scalar.all(0))) {
                // 60 px long, 4 px wide.
                Point a = upright ? new Point(48, 20) : new Point(20, 48);
                Point b = upright ? new Point(51, 79) : new Point(79, 51);
                rectangle(mask, a, b, Scalar.all(255), -1, 8, 0);
                InkSpread spread = InkSpread.of(moments(mask, true));
                assertThat(spread.along()).isCloseTo((60.0 * 60 - 1) / 12, within(1e-6));
                assertThat(spread.across()).isCloseTo((4.0 * 4 - 1) / 12, within(1e-6));
            }
        }
    }
}
