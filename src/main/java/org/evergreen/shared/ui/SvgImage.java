package org.evergreen.shared.ui;

import com.vaadin.flow.component.html.Image;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An image drawn on the server as SVG and sent inline, so that no script or bundle is needed to show it. */
public class SvgImage extends Image {

    public SvgImage(String svg, String alternativeText) {
        super("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)), alternativeText);
    }
}
