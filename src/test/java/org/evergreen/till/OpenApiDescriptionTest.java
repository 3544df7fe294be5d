package org.evergreen.till;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The till API's description is valid OpenAPI, every operation has an id, and every refusal is documented: each 4xx
 * says nothing was recorded and names its problem types, and every problem type the API has appears in it.
 */
class OpenApiDescriptionTest {

    private static final Path DESCRIPTION = Path.of("src/main/resources/static/api/openapi.yaml");

    @Test
    void theDescriptionValidatesWithAnIdForEveryOperationAndALicense() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(DESCRIPTION), null, options);

        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getInfo().getLicense().getIdentifier()).isEqualTo("Apache-2.0");
        List<Operation> operations = operations(api);
        assertThat(operations).hasSize(5);
        assertThat(operations).allSatisfy(operation -> assertThat(operation.getOperationId()).isNotBlank());
        assertThat(operations.stream().map(Operation::getOperationId).distinct()).hasSize(operations.size());
    }

    @Test
    void everyRefusalOfEveryOperationSaysNothingWasRecordedAndNamesItsProblemTypes() throws IOException {
        OpenAPI api = new OpenAPIV3Parser().readContents(Files.readString(DESCRIPTION), null, new ParseOptions()).getOpenAPI();
        for (Operation operation : operations(api)) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4")) {
                    assertThat(response.getDescription()).as(operation.getOperationId() + " " + status)
                            .startsWith("Nothing was recorded. Problem types: `");
                }
            });
            assertThat(operation.getResponses()).as(operation.getOperationId())
                    .containsKeys("400", "401", "403", "404", "406", "429", "431", "503");
        }
    }

    @Test
    void everyProblemTypeOfTheApiIsDocumented() throws IOException {
        String description = Files.readString(DESCRIPTION);
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages_en.properties")) {
            messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Pattern problemTitle = Pattern.compile("api\\.problem\\.([a-z-]+)\\.title");
        long documented = messages.stringPropertyNames().stream().map(problemTitle::matcher).filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .peek(code -> assertThat(description).as(code).contains("`" + code + "`"))
                .count();
        assertThat(documented).isGreaterThan(25);
    }

    private static List<Operation> operations(OpenAPI api) {
        return api.getPaths().values().stream().flatMap(path -> path.readOperations().stream()).toList();
    }
}
