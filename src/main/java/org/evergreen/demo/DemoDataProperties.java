package org.evergreen.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled {@code auto}: load into an empty embedded database only; {@code true}: also into an empty
 *                external one; {@code false}: never
 */
@ConfigurationProperties("evergreen.demo")
public record DemoDataProperties(@DefaultValue("auto") String enabled) {
}
