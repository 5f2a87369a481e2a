import Hummingbird

/// The dashboard's routes for the residents registry pages: search, add, edit, move, remove.
enum RegistryRoutes {
    static func add(to router: Router<LoaRequestContext>, pages: DashboardPages) {}
}
