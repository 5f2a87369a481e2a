import Hummingbird

/// The dashboard's routes for staff accounts: sign-in by phone, one-time codes, the accounts pages.
enum AccountRoutes {
    static func add(to router: Router<LoaRequestContext>, pages: DashboardPages) {}
}
