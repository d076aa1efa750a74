namespace BacklogInsight.Sources.Sample;

/// <summary>The five product areas of the sample organisation, in team order.</summary>
internal static class SampleDomains
{
    public static IReadOnlyList<SampleDomain> All { get; } =
    [
        new()
        {
            TeamName = "Payments", Prefix = "PAY",
            Objects = ["saved cards", "refund flow", "3-D Secure challenge", "payout schedule", "Apple Pay button", "invoice PDF", "chargeback evidence", "SEPA mandates", "payment retries", "currency conversion", "receipt e-mail", "card expiry reminders"],
            Capabilities = ["retry a failed payment", "split a payment across two cards", "download past invoices", "see the refund status", "pay by SEPA direct debit", "update the card on file", "choose a payout day"],
            Users = ["shopper", "merchant", "finance admin", "support agent"],
            Components = ["PaymentGateway", "LedgerService", "RefundWorker", "PspAdapter", "InvoiceRenderer", "FraudScoreClient"],
            Epics = ["Cut card decline rate for EU merchants", "Local payment methods for the Nordics", "Self-serve refunds to reduce support load", "Instant payouts as a paid add-on", "PSD2 SCA exemptions to lift conversion", "Chargeback win-rate improvement"],
            Initiatives = ["Become the default checkout for SMB merchants in DACH", "Payments revenue +20% through add-ons"],
            Kpis = ["authorisation rate", "checkout conversion", "refund-related tickets", "payout NPS", "take rate"],
            Segments = ["SMB merchants in DACH", "Nordic marketplaces", "high-volume subscription sellers"],
            Competitors = ["Stripe", "Adyen", "Mollie"],
        },
        new()
        {
            TeamName = "Mobile App", Prefix = "MOB",
            Objects = ["push notifications", "offline mode", "biometric login", "order tracking screen", "home feed", "dark mode", "deep links", "in-app review prompt", "onboarding carousel", "widget", "crash reporter", "settings screen"],
            Capabilities = ["log in with Face ID", "track an order on the lock screen", "mute notifications per store", "reorder from history", "use the app offline", "share a wishlist"],
            Users = ["app user", "returning customer", "guest user"],
            Components = ["FeedViewModel", "SyncEngine", "AuthCoordinator", "PushService", "NavigationRouter", "ImageCache"],
            Epics = ["Raise 30-day retention of new app users", "Lock-screen order tracking for iOS 18", "Offline-first browsing for commuters", "App Store rating above 4.6", "Re-engagement through smart notifications"],
            Initiatives = ["Mobile-first shopping experience", "Grow app share of orders to 55%"],
            Kpis = ["D30 retention", "crash-free sessions", "app store rating", "weekly active users", "push opt-in rate"],
            Segments = ["commuters on Android", "Gen Z shoppers", "repeat buyers"],
            Competitors = ["Zalando", "Shein", "Vinted"],
        },
        new()
        {
            TeamName = "Data Platform", Prefix = "DATA",
            Objects = ["event ingestion", "orders fact table", "dbt models", "Airflow DAGs", "data catalogue", "PII masking", "Kafka consumers", "warehouse costs", "freshness alerts", "schema registry", "backfill tooling", "metrics layer"],
            Capabilities = ["query orders with less than 15 minutes lag", "find the owner of a dataset", "request access to a masked table", "rerun a failed backfill", "see freshness of a dashboard"],
            Users = ["analyst", "data scientist", "finance controller", "data engineer"],
            Components = ["IngestRouter", "OrdersLoader", "SchemaValidator", "CostExporter", "LineageCrawler", "DagFactory"],
            Epics = ["Self-serve analytics for commercial teams", "Warehouse cost down 25%", "GDPR-compliant customer 360", "Near-real-time order metrics for ops"],
            Initiatives = ["Data as a product for every business unit"],
            Kpis = ["warehouse spend", "dashboard freshness", "time to insight", "data incidents per month"],
            Segments = ["commercial analysts", "finance", "marketing ops"],
            Competitors = ["Snowflake Marketplace", "Fivetran", "in-house BI at rivals"],
        },
        new()
        {
            TeamName = "Growth & Onboarding", Prefix = "GRO",
            Objects = ["sign-up form", "welcome e-mail", "referral codes", "trial banner", "activation checklist", "plan selection page", "feature flag service", "invite flow", "email verification", "product tour", "promo codes", "social login"],
            Capabilities = ["sign up with Google", "invite a teammate", "skip the product tour", "redeem a referral code", "resend the verification e-mail", "pick a plan during sign-up"],
            Users = ["new visitor", "trial user", "account owner", "invited teammate"],
            Components = ["SignupController", "ExperimentService", "ReferralLedger", "MailTemplates", "TourEngine", "PlanPicker"],
            Epics = ["Activation: first value in under 5 minutes", "Referral programme for trial users", "Pricing page experiments for SMB"],
            Initiatives = ["Self-serve growth engine"],
            Kpis = ["trial-to-paid conversion", "activation rate", "sign-up completion", "viral coefficient"],
            Segments = ["freelancers", "small agencies", "students"],
            Competitors = ["Notion", "Monday.com", "ClickUp"],
        },
        new()
        {
            TeamName = "Search & Discovery", Prefix = "SRCH",
            Objects = ["search suggestions", "filters panel", "synonym list", "ranking model", "zero-results page", "category pages", "recently viewed", "spelling correction", "facet counts", "recommendations carousel", "search analytics", "sort options"],
            Capabilities = ["filter by size and colour", "see suggestions while typing", "save a search", "sort by newest", "find items despite typos"],
            Users = ["shopper", "merchandiser", "category manager"],
            Components = ["QueryParser", "RankingService", "IndexBuilder", "SuggestApi", "FacetAggregator", "SynonymLoader"],
            Epics = ["Fewer zero-result searches on mobile", "Personalised ranking for repeat buyers", "Merchandiser control over boosting", "Visual search pilot"],
            Initiatives = ["Discovery that sells: +10% search conversion"],
            Kpis = ["search conversion", "zero-result rate", "click-through on suggestions", "revenue per search"],
            Segments = ["fashion shoppers", "mobile web visitors", "returning buyers"],
            Competitors = ["Algolia-powered rivals", "Amazon", "Zalando"],
        },
    ];
}
