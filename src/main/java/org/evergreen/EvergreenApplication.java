package org.evergreen;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Evergreen: one portal for members, merchants, platform admins and regulators.
 * Styles come from Lumo's prebuilt stylesheet plus our own plain CSS, so no frontend bundle is built.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/evergreen.css")
public class EvergreenApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(EvergreenApplication.class, args);
    }

    /** The leaf in every tab; without a declared icon each page's browser asks for a favicon.ico that does not exist. */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "images/leaf.svg", "any");
    }
}
