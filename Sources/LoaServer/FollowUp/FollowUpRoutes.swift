import Hummingbird

/// The dashboard's routes for the door-to-door list, the replies page and the channels page.
enum FollowUpRoutes {
    static func add(to router: Router<LoaRequestContext>, pages: DashboardPages) {}
}
