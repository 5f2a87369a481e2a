import Hummingbird

/// The dashboard's routes for the door-to-door list, the replies page and the channels page.
enum FollowUpRoutes {
    static func add(to router: Router<LoaRequestContext>, pages: DashboardPages) {
        let followUp = FollowUpPage(pages: pages)
        router.get("/follow-up") { request, _ in await pages.guarded(request) { try await followUp.list($0) } }
        router.post("/follow-up/ack") { request, _ in await pages.guarded(request, form: true) { try await followUp.acknowledge($0) } }
        router.get("/follow-up/sheet") { request, _ in await pages.guarded(request) { try await followUp.sheet($0) } }
        let replies = RepliesPage(pages: pages)
        router.get("/replies") { request, _ in await pages.guarded(request) { try await replies.list($0) } }
        router.post("/replies/:id/attach") { request, context in
            await pages.guarded(request, form: true) { try await replies.attach(try context.parameters.require("id"), $0) }
        }
        router.post("/replies/:id/dismiss") { request, context in
            await pages.guarded(request, form: true) { try await replies.dismiss(try context.parameters.require("id"), $0) }
        }
        let channels = ChannelsPage(pages: pages)
        router.get("/channels") { request, _ in await pages.guarded(request) { try await channels.list($0) } }
        router.post("/channels/check") { request, _ in await pages.guarded(request, form: true) { try await channels.check($0) } }
        router.post("/channels/:name/test") { request, context in
            await pages.guarded(request, form: true) { try await channels.testSend(try context.parameters.require("name"), $0) }
        }
    }
}
