package org.evergreen.catalog.internal;

import org.springframework.stereotype.Component;

import org.jspecify.annotations.Nullable;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * Turns an uploaded picture into what the catalog stores: a JPEG of at most {@value #IMAGE_EDGE} pixels on its
 * longer side and a thumbnail of {@value #THUMBNAIL_EDGE}. Anything ImageIO cannot read is not a picture.
 */
@Component
public class ImageResizer {

    public static final String CONTENT_TYPE = "image/jpeg";
    static final int IMAGE_EDGE = 800;
    static final int THUMBNAIL_EDGE = 160;
    /** Decoding a huge canvas takes memory in proportion to its pixels; refuse before that. */
    private static final long MAX_PIXELS = 40_000_000;

    public record Resized(byte[] image, byte[] thumbnail, int width, int height) {
    }

    public Optional<Resized> resize(byte[] upload) {
        BufferedImage original;
        try {
            original = decode(upload);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (original == null) {
            return Optional.empty();
        }
        BufferedImage image = scaled(original, IMAGE_EDGE);
        return Optional.of(new Resized(jpeg(image), jpeg(scaled(original, THUMBNAIL_EDGE)), image.getWidth(), image.getHeight()));
    }

    /** Reads the picture's size from its header first, and decodes it only when that size is allowed. */
    private static @Nullable BufferedImage decode(byte[] upload) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
                    return null;
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage scaled(BufferedImage original, int edge) {
        double scale = Math.min(1.0, (double) edge / Math.max(original.getWidth(), original.getHeight()));
        int width = Math.max(1, (int) Math.round(original.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(original.getHeight() * scale));
        // RGB without alpha: JPEG has none, and a transparent background becomes white rather than black.
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.drawImage(original, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("No JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
