import Hummingbird

/// The dashboard's routes for the residents registry pages: search, add, edit, move, remove.
enum RegistryRoutes {
    static func add(to router: Router<LoaRequestContext>, pages: DashboardPages) {
        let registry = RegistryPages(pages: pages)
        router.get("/residents") { request, _ in await pages.guarded(request) { try await registry.list($0) } }
        router.get("/residents/new") { request, _ in await pages.guarded(request) { try await registry.new($0) } }
        router.post("/residents") { request, _ in await pages.guarded(request, form: true) { try await registry.create($0) } }
        router.get("/residents/:id") { request, context in
            await pages.guarded(request) { try await registry.edit(try context.parameters.require("id"), $0) }
        }
        router.post("/residents/:id") { request, context in
            await pages.guarded(request, form: true) { try await registry.update(try context.parameters.require("id"), $0) }
        }
        router.post("/residents/:id/remove") { request, context in
            await pages.guarded(request, form: true) { try await registry.remove(try context.parameters.require("id"), $0) }
        }
        router.post("/residents/:id/restore") { request, context in
            await pages.guarded(request, form: true) { try await registry.restore(try context.parameters.require("id"), $0) }
        }
    }
}
