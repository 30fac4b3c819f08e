package dev.storefrontsession.sandbox.internal.schema;

/**
 * GraphQL {@code Image}: {@code template} contains {@code {:size}}, replaced by {@code <w>x<h>}, {@code <w>w} or
 * {@code original}.
 */
public record ImageView(String template, String altText, boolean isDefault) {

  public String url(int width, Integer height) {
    String size = height == null ? width + "w" : width + "x" + height;
    return template.replace("{:size}", size);
  }

  public String urlOriginal() {
    return template.replace("{:size}", "original");
  }
}
