package org.evergreen.green;

import java.util.List;

/**
 * A new method as an admin describes it, before it is published with its first factor version.
 *
 * @param categories purchase categories that fall under it (as tills send them; compared in lower case)
 * @param skus       SKUs that fall under it whatever their category (GTINs are unique worldwide)
 */
public record MethodDraft(String code, FactorBasis basis, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
                          List<String> categories, List<String> skus) {
}
