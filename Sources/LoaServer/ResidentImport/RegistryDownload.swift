import Foundation
import Hummingbird
import LoaCore
import LoaSheets
import NIOCore

/// The resident registry as a file (admins only): name, phone in national form, Zalo id, hamlet,
/// groups; removed residents are left out. Both files re-import as "all unchanged".
enum RegistryDownload {
    static let header = ["Họ và tên", "Số điện thoại", "Zalo", "Thôn", "Nhóm"]

    static func rows(_ pages: DashboardPages) async throws -> [[String]] {
        try await pages.setup.store.residents(hamlet: nil, group: nil).map { resident in
            [resident.name, resident.phone?.national ?? "", resident.zaloID ?? "", resident.hamlet ?? "",
             resident.groups.joined(separator: "; ")]
        }
    }

    static func csv(_ pages: DashboardPages, _ request: DashboardRequest) async throws -> Response {
        try ImportPages.admin(request)
        var writer = CSVWriter()
        writer.append(header)
        for row in try await rows(pages) { writer.append(row) }
        return attachment(writer.bytes, type: "text/csv; charset=utf-8", filename: "cu-dan.csv")
    }

    static func xlsx(_ pages: DashboardPages, _ request: DashboardRequest) async throws -> Response {
        try ImportPages.admin(request)
        let data = try XLSXWriter.workbook(sheet: "Cư dân", rows: [header] + (try await rows(pages)))
        return attachment(Array(data), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: "cu-dan.xlsx")
    }

    static func attachment(_ bytes: [UInt8], type: String, filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
