package org.evergreen.shared.ui;

import io.nayuki.qrcodegen.QrCode;


/** A QR code drawn on the server as SVG, so that no script or bundle is needed to show it. */
public class QrCodeImage extends SvgImage {

    private static final int QUIET_ZONE = 4;

    public QrCodeImage(String text, String alternativeText) {
        super(svg(text), alternativeText);
        addClassName("qr-code");
    }

    static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
