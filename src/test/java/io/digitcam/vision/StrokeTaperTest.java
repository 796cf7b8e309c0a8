package io.digitcam.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.fillConvexPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.moments;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class StrokeTaperTest {
    @Test
    void aSlantedStrokeKeepsItsWidth() {
        try (Mat ink = new Mat(60, 40, CV_8UC1, Scalar.all(0))) {
            line(ink, new Point(15, 5), new Point(24, 54), Scalar.all(255), 4, LINE_8, 0);
            assertThat(StrokeTaper.of(ink, moments(ink, true))).isLessThan(1.3);
        }
    }

    @Test
    void aWedgeWidensFromOneEndToTheOther() {
        try (Mat ink = new Mat(60, 40, CV_8UC1, Scalar.all(0));
             Mat corners = new Mat(3, 1, CV_32SC2); IntIndexer c = corners.createIndexer()) {
            // A knife blade: a point at the top, 9 px wide at the bottom.
            int[][] points = {{20, 2}, {15, 57}, {24, 57}};
            for (int i = 0; i < points.length; i++) {
                c.put(i, 0, 0, points[i][0]);
                c.put(i, 0, 1, points[i][1]);
            }
            fillConvexPoly(ink, corners, Scalar.all(255));
            assertThat(StrokeTaper.of(ink, moments(ink, true))).isGreaterThan(2.0);
        }
    }
}
