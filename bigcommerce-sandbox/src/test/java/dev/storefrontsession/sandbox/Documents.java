package dev.storefrontsession.sandbox;

/**
 * GraphQL documents shaped like the ones a Catalyst storefront sends (operation names, variables,
 * fragments), used both against the schema and against a running sandbox.
 */
final class Documents {
  private Documents() {}

  static final String MONEY = "fragment MoneyFields on Money { value currencyCode }\n";

  static final String PRICING_FRAGMENT =
      """
      fragment PricingFragment on Product {
        prices(currencyCode: $currencyCode) {
          price { value currencyCode }
          basePrice { value currencyCode }
          retailPrice { value currencyCode }
          salePrice { value currencyCode }
          priceRange { min { value currencyCode } max { value currencyCode } }
        }
      }
      """;

  static final String PRODUCT_CARD_FRAGMENT =
      """
      fragment ProductCardFragment on Product {
        entityId
        name
        defaultImage { altText url: urlTemplate(lossy: true) }
        path
        brand { name path }
        reviewSummary { numberOfReviews averageRating }
        productOptions(first: 3) { edges { node { entityId displayName isRequired } } }
        inventory { isInStock }
        availabilityV2 { status }
        ...PricingFragment
      }
      """
          + PRICING_FRAGMENT;

  static final String LOGIN =
      """
      mutation LoginMutation($email: String!, $password: String!, $cartEntityId: String) {
        login(email: $email, password: $password, guestCartEntityId: $cartEntityId) {
          customerAccessToken { value expiresAt }
          customer { entityId firstName lastName email }
          cart { entityId }
        }
      }
      """;

  static final String LOGIN_WITH_JWT =
      """
      mutation LoginWithCustomerLoginJwtMutation($jwt: String!, $cartEntityId: String) {
        loginWithCustomerLoginJwt(jwt: $jwt, guestCartEntityId: $cartEntityId) {
          redirectTo
          customerAccessToken { value expiresAt }
          customer { entityId firstName lastName email }
          cart { entityId }
        }
      }
      """;

  static final String LOGOUT =
      """
      mutation LogoutMutation($cartEntityId: String) {
        logout(cartEntityId: $cartEntityId) {
          result
          cartUnassignResult { cart { entityId } errors { __typename ... on Error { message } } }
        }
      }
      """;

  static final String CUSTOMER =
      """
      query CustomerSettingsQuery {
        customer { entityId company email firstName lastName phone customerGroupId customerGroupName }
        site {
          settings {
            customers {
              passwordComplexitySettings {
                minimumNumbers minimumPasswordLength minimumSpecialCharacters
                requireLowerCase requireNumbers requireSpecialCharacters requireUpperCase
              }
            }
          }
        }
      }
      """;

  static final String PRODUCTS =
      """
      query ProductsQuery($entityIds: [Int!], $first: Int, $after: String, $currencyCode: currencyCode) {
        site {
          products(entityIds: $entityIds, first: $first, after: $after) {
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            collectionInfo { totalItems }
            edges { cursor node { ...ProductCardFragment } }
          }
        }
      }
      """
          + PRODUCT_CARD_FRAGMENT;

  static final String PRODUCT =
      """
      query ProductQuery($entityId: Int!, $currencyCode: currencyCode) {
        site {
          product(entityId: $entityId) {
            id entityId sku name description plainTextDescription(characterLimit: 40) warranty addToCartUrl
            categories { edges { node { entityId name path } } }
            images { edges { node { url(width: 320, height: 320) urlOriginal altText isDefault } } }
            ...ProductCardFragment
          }
        }
      }
      """
          + PRODUCT_CARD_FRAGMENT;

  static final String SEARCH =
      """
      query GetProductSearchResultsQuery($filters: SearchProductsFiltersInput!, $sort: SearchProductsSortInput,
          $first: Int, $currencyCode: currencyCode) {
        site {
          search {
            searchProducts(filters: $filters, sort: $sort) {
              products(first: $first) {
                collectionInfo { totalItems }
                pageInfo { hasNextPage endCursor }
                edges { node { ...ProductCardFragment } }
              }
            }
          }
        }
      }
      """
          + PRODUCT_CARD_FRAGMENT;

  static final String CATEGORY_TREE =
      """
      query CategoryTreeQuery {
        site {
          categoryTree { entityId name path productCount hasChildren children { entityId name path productCount } }
          category(entityId: 19) { entityId name products(first: 50) { edges { node { entityId } } } }
        }
      }
      """;

  static final String CART =
      """
      query CartQuery($cartId: String) {
        site {
          cart(entityId: $cartId) {
            entityId
            version
            currencyCode
            lineItems {
              totalQuantity
              physicalItems {
                entityId productEntityId variantEntityId sku name quantity brand path
                image { url: urlTemplate(lossy: true) altText }
                listPrice { ...MoneyFields }
                salePrice { ...MoneyFields }
                extendedSalePrice { ...MoneyFields }
                originalPrice { ...MoneyFields }
                catalogProductWithOptionSelections { prices { price { value } } }
              }
              digitalItems { entityId }
            }
            amount { ...MoneyFields }
            baseAmount { ...MoneyFields }
            discountedAmount { ...MoneyFields }
          }
        }
      }
      """
          + MONEY;

  static final String CREATE_CART =
      """
      mutation CreateCartMutation($createCartInput: CreateCartInput!) {
        cart { createCart(input: $createCartInput) { cart { entityId lineItems { totalQuantity } } } }
      }
      """;

  static final String ADD_CART_LINE_ITEMS =
      """
      mutation AddCartLineItemMutation($input: AddCartLineItemsInput!) {
        cart { addCartLineItems(input: $input) { cart { entityId version lineItems { totalQuantity physicalItems { entityId productEntityId quantity } } } } }
      }
      """;

  static final String UPDATE_CART_LINE_ITEM =
      """
      mutation UpdateCartLineItemMutation($input: UpdateCartLineItemInput!) {
        cart { updateCartLineItem(input: $input) { cart { entityId lineItems { totalQuantity physicalItems { entityId quantity } } } } }
      }
      """;

  static final String DELETE_CART_LINE_ITEM =
      """
      mutation DeleteCartLineItemMutation($input: DeleteCartLineItemInput!) {
        cart { deleteCartLineItem(input: $input) { deletedLineItemEntityId deletedCartEntityId cart { entityId lineItems { totalQuantity } } } }
      }
      """;

  static final String REGISTER =
      """
      mutation RegisterCustomerMutation($input: RegisterCustomerInput!, $reCaptchaV2: ReCaptchaV2Input) {
        customer {
          registerCustomer(input: $input, reCaptchaV2: $reCaptchaV2) {
            customer { entityId firstName lastName email customerGroupId }
            errors { __typename ... on Error { message } ... on ValidationError { path } }
          }
        }
      }
      """;

  static final String UPDATE_CUSTOMER =
      """
      mutation UpdateCustomerMutation($input: UpdateCustomerInput!) {
        customer {
          updateCustomer(input: $input) {
            customer { entityId firstName lastName email phone company }
            errors { __typename ... on Error { message } }
          }
        }
      }
      """;

  static final String CHANGE_PASSWORD =
      """
      mutation CustomerChangePasswordMutation($input: ChangePasswordInput!) {
        customer { changePassword(input: $input) { errors { __typename ... on Error { message } } } }
      }
      """;

  static final String REQUEST_RESET_PASSWORD =
      """
      mutation ResetPasswordMutation($input: RequestResetPasswordInput!, $reCaptchaV2: ReCaptchaV2Input) {
        customer { requestResetPassword(input: $input, reCaptchaV2: $reCaptchaV2) { errors { __typename ... on Error { message } } } }
      }
      """;

  static final String RESET_PASSWORD =
      """
      mutation ChangePasswordMutation($input: ResetPasswordInput!) {
        customer { resetPassword(input: $input) { errors { __typename ... on Error { message } } } }
      }
      """;

  static final String ADDRESSES =
      """
      query CustomerAddresses($first: Int, $after: String) {
        customer {
          addresses(first: $first, after: $after) {
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            collectionInfo { totalItems }
            edges { node { entityId firstName lastName address1 address2 city stateOrProvince countryCode country phone postalCode company } }
          }
        }
      }
      """;

  static final String ADD_ADDRESS =
      """
      mutation AddCustomerAddressMutation($input: AddCustomerAddressInput!) {
        customer {
          addCustomerAddress(input: $input) {
            address { entityId firstName city countryCode }
            errors { __typename ... on Error { message } ... on ValidationError { path } }
          }
        }
      }
      """;

  static final String UPDATE_ADDRESS =
      """
      mutation UpdateCustomerAddressMutation($input: UpdateCustomerAddressInput!) {
        customer {
          updateCustomerAddress(input: $input) {
            address { entityId firstName city }
            errors { __typename ... on Error { message } }
          }
        }
      }
      """;

  static final String DELETE_ADDRESS =
      """
      mutation DeleteCustomerAddressMutation($input: DeleteCustomerAddressInput!) {
        customer { deleteCustomerAddress(input: $input) { errors { __typename ... on Error { message } } } }
      }
      """;

  static final String ORDERS =
      """
      query CustomerOrdersQuery($filters: OrdersFiltersInput, $first: Int, $after: String) {
        customer {
          orders(filters: $filters, first: $first, after: $after) {
            pageInfo { hasNextPage endCursor }
            edges {
              cursor
              node {
                entityId
                orderedAt { utc }
                status { value label }
                totalIncTax { value currencyCode }
                totalProductQuantity
              }
            }
          }
        }
      }
      """;

  static final String ORDER =
      """
      query CustomerOrderDetails($filter: OrderFilterInput) {
        site {
          order(filter: $filter) {
            entityId
            orderedAt { utc }
            status { value label }
            subTotal { value currencyCode }
            shippingCostTotal { value }
            taxTotal { value }
            totalIncTax { value currencyCode }
            billingAddress { firstName lastName address1 city stateOrProvince countryCode postalCode email }
            consignments {
              shipping {
                edges {
                  node {
                    entityId
                    shippingAddress { city countryCode }
                    shippingCost { value }
                    lineItems {
                      edges {
                        node {
                          entityId productEntityId name sku quantity brand
                          subTotalListPrice { value currencyCode }
                          image { altText url: urlTemplate(lossy: true) }
                          catalogProductWithOptionSelections { prices { price { value } } }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
      """;

  static final String WISHLISTS =
      """
      query WishlistsQuery($currencyCode: currencyCode) {
        customer {
          wishlists(first: 10) {
            edges {
              node {
                entityId name isPublic token
                items(first: 10) { edges { node { entityId productEntityId product { name ...PricingFragment } } } }
              }
            }
          }
        }
      }
      """
          + PRICING_FRAGMENT;

  static final String CREATE_WISHLIST =
      """
      mutation CreateWishlistMutation($input: CreateWishlistInput!) {
        wishlist { createWishlist(input: $input) { result { entityId name isPublic token items { edges { node { entityId productEntityId } } } } } }
      }
      """;

  static final String ADD_WISHLIST_ITEMS =
      """
      mutation AddWishlistItems($input: AddWishlistItemsInput!) {
        wishlist { addWishlistItems(input: $input) { result { entityId items { edges { node { entityId productEntityId } } } } } }
      }
      """;

  static final String DELETE_WISHLIST_ITEMS =
      """
      mutation DeleteWishlistItems($input: DeleteWishlistItemsInput!) {
        wishlist { deleteWishlistItems(input: $input) { result { entityId items { edges { node { entityId } } } } } }
      }
      """;

  static final String UPDATE_WISHLIST =
      """
      mutation UpdateWishlistMutation($input: UpdateWishlistInput!) {
        wishlist { updateWishlist(input: $input) { result { entityId name isPublic } } }
      }
      """;

  static final String DELETE_WISHLISTS =
      """
      mutation DeleteWishlists($input: DeleteWishlistsInput!) {
        wishlist { deleteWishlists(input: $input) { result } }
      }
      """;

  static final String ACCOUNT_SETTINGS =
      """
      query AccountSettingsQuery {
        customer { entityId firstName lastName email company phone isSubscribedToNewsletter }
        site { settings { newsletter { showNewsletterSignup } reviews { enabled } } }
      }
      """;

  static final String SUBSCRIBE =
      """
      mutation SubscribeToNewsletterMutation($input: CreateSubscriberInput!) {
        newsletter { subscribe(input: $input) { errors { __typename ... on Error { message } } } }
      }
      """;

  static final String UNSUBSCRIBE =
      """
      mutation UnsubscribeFromNewsletterMutation($input: RemoveSubscriberInput!) {
        newsletter { unsubscribe(input: $input) { errors { __typename ... on Error { message } } } }
      }
      """;

  /** Every document above, for schema validation. */
  static final String[] ALL = {
    LOGIN,
    LOGIN_WITH_JWT,
    LOGOUT,
    CUSTOMER,
    PRODUCTS,
    PRODUCT,
    SEARCH,
    CATEGORY_TREE,
    CART,
    CREATE_CART,
    ADD_CART_LINE_ITEMS,
    UPDATE_CART_LINE_ITEM,
    DELETE_CART_LINE_ITEM,
    REGISTER,
    UPDATE_CUSTOMER,
    CHANGE_PASSWORD,
    REQUEST_RESET_PASSWORD,
    RESET_PASSWORD,
    ADDRESSES,
    ADD_ADDRESS,
    UPDATE_ADDRESS,
    DELETE_ADDRESS,
    ORDERS,
    ORDER,
    WISHLISTS,
    CREATE_WISHLIST,
    ADD_WISHLIST_ITEMS,
    DELETE_WISHLIST_ITEMS,
    UPDATE_WISHLIST,
    DELETE_WISHLISTS,
    ACCOUNT_SETTINGS,
    SUBSCRIBE,
    UNSUBSCRIBE
  };
}
