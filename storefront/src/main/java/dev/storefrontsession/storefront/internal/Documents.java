package dev.storefrontsession.storefront.internal;

/**
 * The storefront's GraphQL documents, named and shaped like Catalyst's (one operation each,
 * fragments inlined at the end of the document that uses them).
 */
final class Documents {

  private Documents() {}

  static final String PRICING_FRAGMENT =
      """
            fragment PricingFragment on Product {
              prices(currencyCode: $currencyCode) {
                price { value currencyCode formattedV2 }
                basePrice { value currencyCode formattedV2 }
                retailPrice { value currencyCode formattedV2 }
                salePrice { value currencyCode formattedV2 }
                priceRange { min { value currencyCode formattedV2 } max { value currencyCode formattedV2 } }
              }
            }
            """;

  static final String PRODUCT_CARD_FRAGMENT =
      """
            fragment ProductCardFragment on Product {
              entityId
              name
              sku
              path
              plainTextDescription(characterLimit: 160)
              brand { name }
              defaultImage { url(width: 640) altText }
              ...PricingFragment
            }
            """
          + PRICING_FRAGMENT;

  static final String NAVIGATION =
      """
            query GetLinksAndSectionsQuery {
              site {
                categoryTree {
                  entityId
                  name
                  description
                  productCount
                }
              }
            }
            """;

  static final String HOME_PAGE =
      """
            query HomePageQuery($first: Int, $currencyCode: currencyCode) {
              site {
                categoryTree { entityId name description productCount }
                products(first: $first) {
                  edges { node { ...ProductCardFragment } }
                }
              }
            }
            """
          + PRODUCT_CARD_FRAGMENT;

  static final String CATEGORY_PAGE =
      """
            query CategoryPageQuery($entityId: Int!, $first: Int, $currencyCode: currencyCode) {
              site {
                category(entityId: $entityId) {
                  entityId
                  name
                  description
                  products(first: $first) {
                    edges { node { ...ProductCardFragment } }
                    collectionInfo { totalItems }
                  }
                }
              }
            }
            """
          + PRODUCT_CARD_FRAGMENT;

  static final String PRODUCT_PAGE =
      """
            query ProductQuery($entityId: Int!, $currencyCode: currencyCode) {
              site {
                product(entityId: $entityId) {
                  ...ProductCardFragment
                  description
                }
              }
            }
            """
          + PRODUCT_CARD_FRAGMENT;

  static final String CART_FIELDS =
      """
            fragment CartFragment on Cart {
              entityId
              currencyCode
              amount { value currencyCode formattedV2 }
              lineItems {
                totalQuantity
                physicalItems {
                  entityId
                  productEntityId
                  name
                  quantity
                  imageUrl
                  listPrice { value currencyCode formattedV2 }
                  salePrice { value currencyCode formattedV2 }
                  extendedSalePrice { value currencyCode formattedV2 }
                }
                digitalItems {
                  entityId
                  productEntityId
                  name
                  quantity
                  imageUrl
                  listPrice { value currencyCode formattedV2 }
                  salePrice { value currencyCode formattedV2 }
                  extendedSalePrice { value currencyCode formattedV2 }
                }
              }
            }
            """;

  static final String CART =
      """
            query CartPageQuery($cartId: String) {
              site {
                cart(entityId: $cartId) { ...CartFragment }
              }
            }
            """
          + CART_FIELDS;

  /** The currencies of the request's channel (the same for every shopper). */
  static final String CURRENCIES =
      """
            query CurrencySwitcherQuery {
              site {
                currencies { edges { node { code isDefault } } }
              }
            }
            """;

  /** Catalyst's currency switch: the cart moves to a new cart (new id) in the currency. */
  static final String UPDATE_CART_CURRENCY =
      """
            mutation UpdateCartCurrencyMutation($input: UpdateCartCurrencyInput!) {
              cart {
                updateCartCurrency(input: $input) { cart { currencyCode entityId } }
              }
            }
            """;

  static final String CART_COUNT =
      """
            query GetCartCountQuery($cartId: String) {
              site {
                cart(entityId: $cartId) { entityId lineItems { totalQuantity } }
              }
            }
            """;

  static final String CREATE_CART =
      """
            mutation CreateCartMutation($createCartInput: CreateCartInput!) {
              cart {
                createCart(input: $createCartInput) { cart { entityId } }
              }
            }
            """;

  static final String ADD_CART_LINE_ITEMS =
      """
            mutation AddCartLineItemMutation($input: AddCartLineItemsInput!) {
              cart {
                addCartLineItems(input: $input) { cart { entityId } }
              }
            }
            """;

  static final String UPDATE_CART_LINE_ITEM =
      """
            mutation UpdateCartLineItemMutation($input: UpdateCartLineItemInput!) {
              cart {
                updateCartLineItem(input: $input) { cart { entityId } }
              }
            }
            """;

  static final String DELETE_CART_LINE_ITEM =
      """
            mutation DeleteCartLineItemMutation($input: DeleteCartLineItemInput!) {
              cart {
                deleteCartLineItem(input: $input) { deletedLineItemEntityId cart { entityId } }
              }
            }
            """;

  static final String REGISTER_CUSTOMER =
      """
            mutation RegisterCustomerMutation($input: RegisterCustomerInput!) {
              customer {
                registerCustomer(input: $input) {
                  customer { firstName lastName }
                  errors { __typename ... on Error { message } }
                }
              }
            }
            """;

  static final String CUSTOMER_PROFILE =
      """
            query CustomerSettingsQuery {
              customer { entityId firstName lastName email phone company customerGroupName }
            }
            """;

  static final String UPDATE_CUSTOMER =
      """
            mutation UpdateCustomerMutation($input: UpdateCustomerInput!) {
              customer {
                updateCustomer(input: $input) {
                  customer { firstName lastName }
                  errors { __typename ... on Error { message } }
                }
              }
            }
            """;

  static final String ADDRESS_FIELDS =
      """
            fragment AddressFragment on CustomerAddress {
              entityId firstName lastName company address1 address2 city stateOrProvince postalCode countryCode phone
            }
            """;

  static final String CUSTOMER_ADDRESSES =
      """
            query CustomerAddresses($first: Int) {
              customer {
                entityId
                addresses(first: $first) { edges { node { ...AddressFragment } } }
              }
            }
            """
          + ADDRESS_FIELDS;

  static final String ADD_ADDRESS =
      """
            mutation AddCustomerAddressMutation($input: AddCustomerAddressInput!) {
              customer {
                addCustomerAddress(input: $input) {
                  address { entityId }
                  errors { __typename ... on Error { message } }
                }
              }
            }
            """;

  static final String UPDATE_ADDRESS =
      """
            mutation UpdateCustomerAddressMutation($input: UpdateCustomerAddressInput!) {
              customer {
                updateCustomerAddress(input: $input) {
                  address { entityId }
                  errors { __typename ... on Error { message } }
                }
              }
            }
            """;

  static final String DELETE_ADDRESS =
      """
            mutation DeleteCustomerAddressMutation($input: DeleteCustomerAddressInput!) {
              customer {
                deleteCustomerAddress(input: $input) {
                  errors { __typename ... on Error { message } }
                }
              }
            }
            """;

  static final String CUSTOMER_ORDERS =
      """
            query CustomerAllOrders($first: Int) {
              customer {
                entityId
                orders(first: $first) {
                  edges {
                    node {
                      entityId
                      orderedAt { utc }
                      status { value label }
                      totalProductQuantity
                      totalIncTax { value currencyCode formattedV2 }
                    }
                  }
                }
              }
            }
            """;

  static final String CUSTOMER_ORDER =
      """
            query CustomerOrderDetails($filter: OrderFilterInput) {
              site {
                order(filter: $filter) {
                  entityId
                  orderedAt { utc }
                  status { value label }
                  totalProductQuantity
                  subTotal { value currencyCode formattedV2 }
                  shippingCostTotal { value currencyCode formattedV2 }
                  taxTotal { value currencyCode formattedV2 }
                  totalIncTax { value currencyCode formattedV2 }
                  billingAddress { firstName lastName address1 address2 city stateOrProvince postalCode countryCode }
                  consignments {
                    shipping(first: 10) {
                      edges {
                        node {
                          entityId
                          lineItems(first: 50) {
                            edges {
                              node {
                                entityId
                                productEntityId
                                name
                                sku
                                quantity
                                subTotalListPrice { value currencyCode formattedV2 }
                                subTotalSalePrice { value currencyCode formattedV2 }
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

  /**
   * Catalyst's checkout route's mutation, asking for both URLs: one-time checkout URLs for the
   * cart, bound to the customer when the request carries a customer access token.
   */
  static final String CHECKOUT_REDIRECT =
      """
            mutation CheckoutRedirectMutation($cartId: String!) {
              cart {
                createCartRedirectUrls(input: { cartEntityId: $cartId }) {
                  errors {
                    ... on NotFoundError { __typename message }
                  }
                  redirectUrls { redirectedCheckoutUrl embeddedCheckoutUrl }
                }
              }
            }
            """;

  static final String CUSTOMER_WISHLISTS =
      """
            query WishlistsPageQuery($first: Int, $currencyCode: currencyCode) {
              customer {
                entityId
                wishlists(first: $first) {
                  edges {
                    node {
                      entityId
                      name
                      isPublic
                      token
                      items(first: 50) {
                        edges { node { entityId productEntityId product { ...ProductCardFragment } } }
                      }
                    }
                  }
                }
              }
            }
            """
          + PRODUCT_CARD_FRAGMENT;

  static final String CREATE_WISHLIST =
      """
            mutation CreateWishlistMutation($input: CreateWishlistInput!) {
              wishlist { createWishlist(input: $input) { result { entityId name } } }
            }
            """;

  static final String ADD_WISHLIST_ITEMS =
      """
            mutation AddWishlistItems($input: AddWishlistItemsInput!) {
              wishlist { addWishlistItems(input: $input) { result { entityId } } }
            }
            """;

  static final String DELETE_WISHLIST_ITEMS =
      """
            mutation DeleteWishlistItems($input: DeleteWishlistItemsInput!) {
              wishlist { deleteWishlistItems(input: $input) { result { entityId } } }
            }
            """;
}
