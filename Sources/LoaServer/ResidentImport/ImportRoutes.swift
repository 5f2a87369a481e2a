import Hummingbird

/// The dashboard's routes for resident import by upload with preview and confirmation, and the registry downloads.
enum ImportRoutes {
    static func add(to router: Router<LoaRequestContext>, pages: DashboardPages) {}
}
