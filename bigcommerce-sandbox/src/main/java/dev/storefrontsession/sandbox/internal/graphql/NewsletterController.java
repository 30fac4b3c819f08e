package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.sandbox.internal.schema.Errors;
import dev.storefrontsession.sandbox.internal.schema.Results;
import dev.storefrontsession.sandbox.internal.store.CustomerRecord;
import dev.storefrontsession.sandbox.internal.store.NewsletterRepository;
import dev.storefrontsession.sandbox.internal.store.Tx;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code newsletter { subscribe, unsubscribe }} and {@code Customer.isSubscribedToNewsletter}. */
@Controller
public class NewsletterController {

  static final Object NAMESPACE = new Object();
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_NAME = 100;

  public record CreateSubscriberInput(String email, String firstName, String lastName) {}

  public record RemoveSubscriberInput(String email) {}

  private final NewsletterRepository subscribers;
  private final Tx tx;
  private final SandboxSettings settings;

  public NewsletterController(NewsletterRepository subscribers, Tx tx, SandboxSettings settings) {
    this.subscribers = subscribers;
    this.tx = tx;
    this.settings = settings;
  }

  @SchemaMapping(typeName = "Customer")
  public boolean isSubscribedToNewsletter(CustomerRecord customer) {
    return subscribers.isSubscribed(customer.email());
  }

  @MutationMapping(name = "newsletter")
  public Object newsletterMutations() {
    return NAMESPACE;
  }

  @SchemaMapping(typeName = "NewsletterMutations")
  public Results.ErrorsResult subscribe(@Argument CreateSubscriberInput input) {
    if (input.email() == null
        || !EMAIL.matcher(input.email().trim()).matches()
        || input.email().length() > 255) {
      return errors(new Errors.CreateSubscriberEmailInvalidError("Email address is not valid."));
    }
    if (input.firstName() != null && input.firstName().length() > MAX_NAME) {
      return errors(new Errors.CreateSubscriberFirstNameInvalidError("First name is too long."));
    }
    if (input.lastName() != null && input.lastName().length() > MAX_NAME) {
      return errors(new Errors.CreateSubscriberLastNameInvalidError("Last name is too long."));
    }
    return tx.run(
        () -> {
          if (subscribers.isSubscribed(input.email())) {
            return errors(
                new Errors.CreateSubscriberAlreadyExistsError(
                    "This email address is already subscribed."));
          }
          subscribers.subscribe(
              input.email(),
              blankToNull(input.firstName()),
              blankToNull(input.lastName()),
              settings.clock().instant());
          return new Results.ErrorsResult(List.of());
        });
  }

  @SchemaMapping(typeName = "NewsletterMutations")
  public Results.ErrorsResult unsubscribe(@Argument RemoveSubscriberInput input) {
    if (input.email() == null || !EMAIL.matcher(input.email().trim()).matches()) {
      return errors(new Errors.RemoveSubscriberEmailInvalidError("Email address is not valid."));
    }
    return tx.run(
        () -> {
          subscribers.unsubscribe(input.email());
          return new Results.ErrorsResult(List.of());
        });
  }

  private static Results.ErrorsResult errors(Object error) {
    return new Results.ErrorsResult(List.of(error));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
