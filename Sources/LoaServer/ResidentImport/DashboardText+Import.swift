extension DashboardText {
    /// Words of resident import by upload (preview, confirm) and the registry downloads.
    static let residentImport = (vi: importVI, en: importEN)

    private static let importVI: [String: String] = [
        "import.title": "Nhập danh sách cư dân từ tệp", "import.preview": "Xem trước khi nhập", "import.done": "Đã nhập danh sách",
        "import.help": "Chọn tệp Excel (.xlsx) hoặc CSV của xã, để nguyên như khi xuất. Chỉ trang tính đầu tiên được đọc; các dòng tiêu đề phía trên dòng tên cột được bỏ qua. Cột bắt buộc: Họ và tên, Số điện thoại; cột thêm: Thôn, Nhóm, Zalo.",
        "import.file": "Tệp danh sách (.xlsx hoặc .csv, tối đa 20 MB)", "import.upload": "Tải lên và xem trước",
        "import.nothing": "Chưa có gì được lưu: hãy xem kỹ rồi bấm Xác nhận nhập.",
        "import.kept": "Bản tải lên này được giữ 30 phút cho phiên đăng nhập của bạn.",
        "import.added": "Thêm mới", "import.updated": "Cập nhật", "import.unchanged": "Không đổi", "import.rejected": "Bị từ chối",
        "import.row": "Dòng", "import.reason": "Lý do", "import.changes": "Thay đổi",
        "import.ignored": "Các cột không dùng đến:", "import.more": "Chỉ hiện 200 dòng đầu; còn", "import.more.rows": "dòng nữa.",
        "import.confirm": "Xác nhận nhập", "import.cancel": "Hủy, không nhập", "import.again": "Nhập tệp khác",
        "import.expired": "Bản tải lên này không còn (quá 30 phút, đã nhập hoặc đã hủy). Không có gì thay đổi; hãy tải tệp lên lại.",
        "import.result": "Kết quả:", "import.registry": "Về danh sách cư dân",
        "import.download.xlsx": "Tải danh sách (.xlsx)", "import.download.csv": "Tải danh sách (.csv)",
        "import.nofile": "Chưa chọn tệp nào. Hãy chọn tệp .xlsx hoặc .csv.", "import.empty": "Tệp trống.",
        "import.toobig": "Tệp lớn hơn 20 MB. Hãy chia danh sách thành nhiều tệp nhỏ hơn.",
        "import.notmultipart": "Yêu cầu tải lên không đúng dạng (cần gửi từ biểu mẫu tải tệp).",
        "import.unreadable": "Không đọc được tệp:", "import.notsheet": "Đây không phải tệp .xlsx hay .csv đọc được (có thể là .doc, .docx hoặc .xls cũ). Hãy lưu lại dưới dạng “Excel Workbook (.xlsx)” hoặc “CSV UTF-8”.",
        "import.field.name": "họ tên", "import.field.zalo": "mã Zalo", "import.field.hamlet": "thôn", "import.field.groups": "nhóm",
        "import.field.channels": "kênh", "import.field.restore": "khôi phục (đã bị xóa khỏi danh sách)",
        "import.p.name": "thiếu họ tên", "import.p.phone": "thiếu số điện thoại",
        "import.p.zalo": "mã Zalo bị Excel đổi thành số; hãy định dạng cột là Văn bản (Text) rồi xuất lại:",
        "import.p.duplicate": "số điện thoại trùng với dòng", "import.p.utf8": "chữ không phải UTF-8 (lưu từ Excel dưới dạng “CSV UTF-8”)",
        "import.none": "(trống)",
    ]

    private static let importEN: [String: String] = [
        "import.title": "Import residents from a file", "import.preview": "Preview before importing", "import.done": "Residents imported",
        "import.help": "Choose the commune's Excel (.xlsx) or CSV file as it was exported. Only the first sheet is read; title rows above the header row are skipped. Required columns: name, phone; optional: hamlet, groups, Zalo.",
        "import.file": "Residents file (.xlsx or .csv, at most 20 MB)", "import.upload": "Upload and preview",
        "import.nothing": "Nothing has been stored yet: check, then press Confirm import.",
        "import.kept": "This upload is kept for 30 minutes for your session.",
        "import.added": "Added", "import.updated": "Updated", "import.unchanged": "Unchanged", "import.rejected": "Rejected",
        "import.row": "Row", "import.reason": "Reason", "import.changes": "Changes",
        "import.ignored": "Columns not used:", "import.more": "Only the first 200 rows are shown;", "import.more.rows": "more.",
        "import.confirm": "Confirm import", "import.cancel": "Cancel, import nothing", "import.again": "Import another file",
        "import.expired": "This upload is gone (older than 30 minutes, already imported or cancelled). Nothing changed; upload the file again.",
        "import.result": "Result:", "import.registry": "Back to the residents",
        "import.download.xlsx": "Download the registry (.xlsx)", "import.download.csv": "Download the registry (.csv)",
        "import.nofile": "No file was chosen. Choose an .xlsx or .csv file.", "import.empty": "The file is empty.",
        "import.toobig": "The file is larger than 20 MB. Split the list into smaller files.",
        "import.notmultipart": "The upload is malformed (send it from the upload form).",
        "import.unreadable": "The file cannot be read:", "import.notsheet": "This is not a readable .xlsx or .csv file (perhaps .doc, .docx or an old .xls). Save it as “Excel Workbook (.xlsx)” or “CSV UTF-8”.",
        "import.field.name": "name", "import.field.zalo": "Zalo id", "import.field.hamlet": "hamlet", "import.field.groups": "groups",
        "import.field.channels": "channels", "import.field.restore": "restored (had been removed)",
        "import.p.name": "missing name", "import.p.phone": "missing phone number",
        "import.p.zalo": "Excel turned the Zalo id into a number; format the column as Text and export again:",
        "import.p.duplicate": "phone number repeats row", "import.p.utf8": "text is not UTF-8 (save from Excel as “CSV UTF-8”)",
        "import.none": "(none)",
    ]
}
