import Hummingbird

/// The dashboard's routes for resident import by upload with preview and confirmation, and the registry downloads.
enum ImportRoutes {
    static func add(to router: Router<LoaRequestContext>, pages: DashboardPages) {
        let imports = ImportPages(pages: pages, pending: PendingImports())
        router.get("/residents/import") { request, _ in await pages.guarded(request) { try imports.form($0) } }
        router.post("/residents/import") { request, _ in
            await pages.guarded(request, upload: ImportPages.uploadLimit) { try await imports.upload($0) }
        }
        router.get("/residents/import/:id") { request, context in
            await pages.guarded(request) { try await imports.show(try context.parameters.require("id"), $0) }
        }
        router.post("/residents/import/:id/confirm") { request, context in
            await pages.guarded(request, form: true) { try await imports.confirm(try context.parameters.require("id"), $0) }
        }
        router.post("/residents/import/:id/cancel") { request, context in
            await pages.guarded(request, form: true) { try await imports.cancel(try context.parameters.require("id"), $0) }
        }
        router.get("/residents.csv") { request, _ in await pages.guarded(request) { try await RegistryDownload.csv(pages, $0) } }
        router.get("/residents.xlsx") { request, _ in await pages.guarded(request) { try await RegistryDownload.xlsx(pages, $0) } }
    }
}
