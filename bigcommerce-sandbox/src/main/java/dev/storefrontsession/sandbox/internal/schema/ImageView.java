package dev.storefrontsession.sandbox.internal.schema;

/**
 * GraphQL {@code Image}: {@code template} contains {@code {:size}}, replaced by {@code <w>x<h>},
 * {@code <w>w} or {@code original}.
 */
public record ImageView(String template, String altText, boolean isDefault) {

  private static final String SIZE = "{:size}";

  public String url(int width, Integer height) {
    return withSize(height == null ? width + "w" : width + "x" + height);
  }

  public String urlOriginal() {
    return withSize("original");
  }

  public String urlTemplate() {
    return template;
  }

  private String withSize(String size) {
    int at = template.indexOf(SIZE);
    return at < 0
        ? template
        : template.substring(0, at) + size + template.substring(at + SIZE.length());
  }
}
