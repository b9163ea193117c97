package io.sluice.console;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

/** A screenshot's pixels, measured the ways that tell a rendered page from a blank or unstyled one. */
final class Screenshot {

    private final BufferedImage image;

    private Screenshot(BufferedImage image) {
        this.image = image;
    }

    static Screenshot read(Path png) throws IOException {
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("no screenshot at " + png);
        }
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new AssertionError(png + " is not an image ImageIO can decode");
        }
        return new Screenshot(image);
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    int distinctColours() {
        Set<Integer> colours = new HashSet<>();
        forEachPixel(rgb -> colours.add(rgb & 0xFFFFFF));
        return colours.size();
    }

    /** The standard deviation of the pixels' luma, 0 to 255: 0 for a page of one colour. */
    double lumaDeviation() {
        double[] sums = new double[2];
        forEachPixel(rgb -> {
            double luma = luma(rgb);
            sums[0] += luma;
            sums[1] += luma * luma;
        });
        double pixels = (double) width() * height();
        double mean = sums[0] / pixels;
        return Math.sqrt(Math.max(0, sums[1] / pixels - mean * mean));
    }

    /** Pixels where green clearly dominates: the console's "healthy" colour (breaker CLOSED, low saturation). */
    long greenPixels() {
        return count(rgb -> green(rgb) > red(rgb) + 40 && green(rgb) > blue(rgb) + 20);
    }

    /** Pixels where red clearly dominates: the console's alarm colour (dead-letter causes, OPEN breakers). */
    long redPixels() {
        return count(rgb -> red(rgb) > green(rgb) + 60 && red(rgb) > blue(rgb) + 60);
    }

    private long count(IntPredicate test) {
        long[] count = {0};
        forEachPixel(rgb -> {
            if (test.test(rgb)) {
                count[0]++;
            }
        });
        return count[0];
    }

    private void forEachPixel(IntConsumer action) {
        for (int y = 0; y < height(); y++) {
            for (int x = 0; x < width(); x++) {
                action.accept(image.getRGB(x, y));
            }
        }
    }

    private static double luma(int rgb) {
        return 0.299 * red(rgb) + 0.587 * green(rgb) + 0.114 * blue(rgb);
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }
}
