package org.evergreen.green;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.evergreen.EvergreenTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.PurchaseRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The impact report's PDF carries its own font: its text is extracted as written, in Chinese and in English, every font
 * in it is embedded, and a page rendered to PNG (by PDFBox, which uses only the PDF's fonts) shows ink where the
 * Chinese title is. The PNGs are kept in target/ for a person to look at.
 */
@EvergreenTest
class ImpactReportPdfTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ImpactReportPdfs pdfs;
    @Autowired
    GreenReports reports;

    @Test
    void thePdfSaysWhatThePageSaysInEitherLanguageWithItsOwnFont() throws Exception {
        GreenPurchases green = new GreenPurchases(context);
        CatalogFixtures fixtures = new CatalogFixtures(context);
        CatalogFixtures.TestMember member = green.newMemberWithLogin();
        green.buyBulbsAndTea(member.id());
        green.buy(member.id(), new PurchaseRequest.Line("R-1", "洗衣液补充装", "refill", 2, new BigDecimal("5.00"), false, null));
        GreenPurchases.await(() -> green.spend(member.id()).compareTo(new BigDecimal("81.00")) == 0);
        int year = reports.currentYear();

        byte[] chinese = fixtures.as(member.username(), () -> pdfs.myReport(year, Locale.SIMPLIFIED_CHINESE));
        try (PDDocument document = Loader.loadPDF(chinese)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(year + " 年您的绿色足迹", "减少二氧化碳当量", "35.6 千克", "70 积分", "86.4%", "LED 照明", "补充装与散装",
                    "青松便利", "少开 209.3 公里燃油车");
            assertEverythingEmbedded(document);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 96);
            ImageIO.write(page, "png", target("impact-report-zh.png"));
            // The title's band, 56 pt from the top and 20 pt high: Chinese glyphs drawn, not left blank.
            assertThat(inkIn(page, 96, 56, 80)).isGreaterThan(300);
        }

        byte[] english = fixtures.as(member.username(), () -> pdfs.myReport(year, Locale.ENGLISH));
        try (PDDocument document = Loader.loadPDF(english)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Your green impact in " + year, "CO₂e avoided", "35.6 kg", "70 points", "LED lighting", "Pine");
            assertEverythingEmbedded(document);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 96), "png", target("impact-report-en.png"));
        }
    }

    @Test
    void onlyAMemberGetsAReportAndOnlyTheirOwn() {
        CatalogFixtures fixtures = new CatalogFixtures(context);
        assertThatThrownBy(() -> fixtures.as("merchant", () -> pdfs.myReport(2026, Locale.ENGLISH))).isInstanceOf(AccessDeniedException.class);
    }

    private static void assertEverythingEmbedded(PDDocument document) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (var page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
    }

    /** Dark pixels in a horizontal band of the page, given in points from the top. */
    private static int inkIn(BufferedImage page, int dpi, float fromPoints, float toPoints) {
        int ink = 0;
        for (int y = Math.round(fromPoints * dpi / 72); y < Math.round(toPoints * dpi / 72); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 160) {
                    ink++;
                }
            }
        }
        return ink;
    }

    private static File target(String name) throws Exception {
        Path directory = Path.of("target", "reports");
        Files.createDirectories(directory);
        return directory.resolve(name).toFile();
    }
}
