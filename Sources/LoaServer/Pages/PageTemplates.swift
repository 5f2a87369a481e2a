import Foundation
import Mustache

/// The dashboard's page templates (`Sources/LoaServer/Templates/**/*.mustache`), rendered with
/// Mustache, which escapes every `{{value}}` for HTML by Unicode scalar (``ScalarHTMLEscape``);
/// `{{{raw}}}` is only for markup Loa itself made (charts). Found beside the executable's package: in the repository (`swift build`, tests)
/// or where the Debian package installs them (`/usr/bin/loa` → `/usr/share/loa/templates`), or in
/// `LOA_TEMPLATES`.
struct PageTemplates: Sendable {
    let library: MustacheLibrary
    let directory: String

    /// The templates, read once per process.
    static let shared: Result<PageTemplates, PageTemplateError> = Result { try load() }.mapError {
        $0 as? PageTemplateError ?? PageTemplateError(description: "\($0)")
    }

    /// Renders template `name` (its path under `Templates/` without `.mustache`) with `context`.
    func render(_ name: String, _ context: [String: Any]) throws(PageTemplateError) -> String {
        guard library.getTemplate(named: name) != nil, let html = library.render(context, withTemplate: name) else {
            throw PageTemplateError(description: "no page template \(name).mustache in \(directory)")
        }
        return html
    }

    static func load(from directory: String? = nil) throws -> PageTemplates {
        guard let directory = directory ?? locate() else {
            throw PageTemplateError(description: "cannot find Loa's page templates (Sources/LoaServer/Templates or share/loa/templates); set LOA_TEMPLATES")
        }
        ScalarHTMLEscape.register()
        var library = MustacheLibrary()
        let root = URL(fileURLWithPath: directory)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "mustache" {
            let relative = file.path.dropFirst(root.path.count).drop { $0 == "/" }
            let name = String(relative.dropLast(".mustache".count))
            do {
                let text = try String(contentsOf: file, encoding: .utf8)
                try library.register(ScalarHTMLEscape.pragma + text, named: name)
            } catch {
                throw PageTemplateError(description: "page template \(name).mustache: \(error)")
            }
        }
        return PageTemplates(library: library, directory: directory)
    }

    /// `LOA_TEMPLATES`, else the first of `Sources/LoaServer/Templates` or `share/loa/templates`
    /// found walking up from the executable, else from the working directory.
    static func locate() -> String? {
        var isDirectory: ObjCBool = false
        func exists(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if let given = ProcessInfo.processInfo.environment["LOA_TEMPLATES"], !given.isEmpty { return exists(given) ? given : nil }
        let inside = ["Sources/LoaServer/Templates", "share/loa/templates"]
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            for path in inside where exists(directory.appendingPathComponent(path).path) {
                return directory.appendingPathComponent(path).path
            }
            directory.deleteLastPathComponent()
        }
        let here = FileManager.default.currentDirectoryPath + "/" + inside[0]
        return exists(here) ? here : nil
    }
}

/// Why a page could not be rendered: a template missing or malformed.
struct PageTemplateError: Error, CustomStringConvertible {
    let description: String
}
