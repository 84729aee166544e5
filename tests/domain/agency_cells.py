"""Agency cells with the agencies a reader sees in them: every lead, coordinator and monitoring cell of the
three reference plans (as typed, and as their PDF export reads them back: typed breaks lost), and the same
agencies written as other provinces' appendices write them (other punctuation, word grouping, bullets,
abbreviations, coordinated complements, role notes)."""

from __future__ import annotations

SKHCN, VP, CA, TC, NV, TP = ("Sở Khoa học và Công nghệ", "Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh",
                             "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp")
YT, XD, NNMT, GDDT = "Sở Y tế", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Giáo dục và Đào tạo"
VHTTDL, LDTBXH = "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội"
SBN, ALL, XA = "Các sở, ban, ngành", "Các sở, ban, ngành, địa phương", "UBND các xã, phường"
HUYEN, CQDV, CQDVDP = "UBND các huyện, thị xã, thành phố", "Các cơ quan, đơn vị", "Các cơ quan, đơn vị, địa phương"
BO, DP, BCH = "Các bộ, ngành trung ương", "Các địa phương", "Bộ Chỉ huy Quân sự tỉnh"
MTTQ = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"

# The reference plans' cells, as typed (shared/seeds; desktop/documents/sample_plan_data.py).
SEED_CELLS: list[tuple[str, list[str]]] = [
    ("Sở Khoa học và Công nghệ", [SKHCN]),
    ("Các sở, ban, ngành\nUBND các huyện, thị xã, thành phố", [SBN, HUYEN]),
    ("Văn phòng UBND tỉnh", [VP]),
    ("Các sở, ngành, địa\nphương", [ALL]),
    ("Các sở, ngành tỉnh", [SBN]),
    ("Sở Nông nghiệp và Môi trường\nSở Y tế;\nSở Xây dựng;", [NNMT, YT, XD]),
    ("Văn phòng UBND tỉnh;\nSở Khoa học và Công nghệ", [VP, SKHCN]),
    ("Công an tỉnh", [CA]),
    ("Văn phòng UBND Tỉnh", [VP]),
    ("Văn phòng Chính phủ; các sở, ban, ngành Tỉnh", ["Văn phòng Chính phủ", SBN]),
    ("Các sở, ban, ngành Tỉnh", [SBN]),
    ("Văn phòng UBND Tỉnh; các sở, ban, ngành Tỉnh có liên quan", [VP, SBN]),
    ("Sở Văn hóa Thể thao và Du lịch", [VHTTDL]),
    ("Công an Tỉnh", [CA]),
    ("Sở KH&CN", [SKHCN]),
    ("Văn phòng Chính phủ", ["Văn phòng Chính phủ"]),
    ("Bộ KH&CN", ["Bộ Khoa học và Công nghệ"]),
    ("Bộ Công an", ["Bộ Công an"]),
    ("Sở Nội vụ", [NV]),
    ("Bộ Nội vụ", ["Bộ Nội vụ"]),
    ("VP UBND tỉnh, Sở Tài chính, Sở Tư pháp, Sở Nội vụ và các sở, ban, ngành, UBND xã, phường",
     [VP, TC, TP, NV, SBN, XA]),
    ("Các sở, ban, ngành có liên quan", [SBN]),
    ("Các sở, ban, ngành", [SBN]),
    ("Sở Tư pháp; Sở GD&ĐT, Sở Y tế, Sở NN&MT", [TP, GDDT, YT, NNMT]),
    ("VP UBND tỉnh; Công an tỉnh", [VP, CA]),
    ("Các sở, ban, ngành, UBND các xã, phường", [SBN, XA]),
    ("Sở KH&CN; Công an tỉnh", [SKHCN, CA]),
    ("Các sở, ban, ngành, địa phương", [ALL]),
    ("Sở Giáo dục và Đào tạo;\nSở KH&CN", [GDDT, SKHCN]),
    ("Sở KH&CN;\nSở Nội vụ", [SKHCN, NV]),
    ("Sở Tài chính", [TC]),
]

# The same cells as the plans' PDF export reads them back: a typed break where the layout would have wrapped
# anyway cannot be seen, so it comes back as a space.
PDF_CELLS: list[tuple[str, list[str]]] = [
    ("Các sở, ban, ngành UBND các huyện, thị xã, thành phố", [SBN, HUYEN]),
    ("Các sở, ngành, địa phương", [ALL]),
    ("Sở Nông nghiệp và Môi trường Sở Y tế;\nSở Xây dựng;", [NNMT, YT, XD]),
    ("Văn phòng UBND tỉnh; Sở Khoa học và Công nghệ", [VP, SKHCN]),
    ("Sở Giáo dục và Đào tạo; Sở KH&CN", [GDDT, SKHCN]),
    ("Sở KH&CN; Sở Nội vụ", [SKHCN, NV]),
]

# The same agencies as other appendices write them.
VARIANT_CELLS: list[tuple[str, list[str]]] = [
    # group phrases: other punctuation and word grouping
    ("Các sở , ban , ngành", [SBN]),
    ("Các sở,ban,ngành", [SBN]),
    ("Các Sở, Ban, Ngành tỉnh", [SBN]),
    ("các sở ban ngành", [SBN]),
    ("Các sở - ban - ngành", [SBN]),
    ("Sở, ngành, địa phương", [ALL]),
    ("Các sở, ban, ngành tỉnh và địa phương", [ALL]),
    ("Các sở, ban, ngành, đoàn thể tỉnh", [SBN]),
    ("Các sở, ban, ngành và UBND các huyện, thị xã, thành phố", [SBN, HUYEN]),
    ("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố.", [SBN, HUYEN]),
    ("UBND các huyện, thị xã và thành phố", [HUYEN]),
    ("UBND các huyện , thị xã, thành phố", [HUYEN]),
    ("Ủy ban nhân dân các huyện, thị xã, thành phố", [HUYEN]),
    ("UBND huyện, thị xã, thành phố", [HUYEN]),
    ("Các cơ quan, đơn vị có liên quan", [CQDV]),
    ("các cơ quan,đơn vị, địa phương liên quan", [CQDVDP]),
    ("Các cơ quan đơn vị", [CQDV]),
    ("Các sở, ban, ngành, UBND xã, phường, đặc khu", [SBN, XA]),
    ("UBND các xã, phường và đặc khu", [XA]),
    ("UBND cấp xã", [XA]),
    ("Các Sở, ngành, UBND cấp xã", [SBN, XA]),
    ("Các bộ, ngành Trung ương", [BO]),
    ("Các Bộ, ngành TW", [BO]),
    ("Các sở, ban, ngành; các địa phương", [SBN, DP]),
    ("Các sở ban ngành tỉnh, UBND các huyện, thị, thành phố", [SBN, HUYEN]),
    ("Các sở, ban ngành; UBND các huyện, TX, TP", [SBN, HUYEN]),
    ("Các sở, ban ngành, UBND các huyện thị xã thành phố", [SBN, HUYEN]),
    ("Sở, ban, ngành tỉnh; UBND cấp huyện, cấp xã", [SBN, HUYEN, XA]),
    ("Các sở; ban; ngành; địa phương", [ALL]),
    ("Các sở,\nban, ngành", [SBN]),
    ("Các Sở, Ban, Ngành; UBND các Huyện, Thị xã, Thành phố", [SBN, HUYEN]),
    ("các Sở ban ngành và UBND các xã phường", [SBN, XA]),
    ("Các sở ,ngành ,địa phương", [ALL]),
    ("UBND các xã/phường", [XA]),
    ("Các sở, ban, ngành, UBND các xã, phường, đặc khu và các cơ quan, đơn vị liên quan", [SBN, XA, CQDV]),
    # named agencies: coordinated complements stay one agency
    ("Sở Văn hóa, Thể thao và Du lịch", [VHTTDL]),
    ("Sở Văn hoá, Thể thao và Du lịch; Sở Y tế", [VHTTDL, YT]),
    ("Sở VH,TT&DL, Sở Tài chính", [VHTTDL, TC]),
    ("Phòng Văn hóa và Xã hội", ["Phòng Văn hóa và Xã hội"]),
    ("Phòng Văn hóa - Xã hội, Phòng Kinh tế", ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế"]),
    ("Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Kinh tế, Hạ tầng và Đô thị"]),
    ("Sở Lao động - Thương binh và Xã hội", [LDTBXH]),
    ("Sở LĐ-TB&XH, Sở Y tế", [LDTBXH, YT]),
    ("Sở Khoa học và\nCông nghệ", [SKHCN]),
    ("Văn phòng\nUBND tỉnh", [VP]),
    ("Trung tâm Công nghệ thông tin và Truyền thông", ["Trung tâm Công nghệ thông tin và Truyền thông"]),
    ("Đài Phát thanh và Truyền hình tỉnh, Báo Đồng Tháp", ["Đài Phát thanh và Truyền hình tỉnh", "Báo Đồng Tháp"]),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"]),
    # several named agencies
    ("Sở Tài chính, Sở Nội vụ, Sở Tư pháp", [TC, NV, TP]),
    ("Sở Tài chính ; Sở Nội vụ", [TC, NV]),
    ("Sở Tài chính. Sở Nội vụ.", [TC, NV]),
    ("- Sở Tài chính\n- Sở Nội vụ", [TC, NV]),
    ("+ Công an tỉnh;\n+ Bộ Chỉ huy Quân sự tỉnh", [CA, BCH]),
    ("Bộ CHQS tỉnh, Công an tỉnh", [BCH, CA]),
    ("Hội Nông dân tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn",
     ["Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn"]),
    ("Liên đoàn Lao động tỉnh và Đoàn Thanh niên", ["Liên đoàn Lao động tỉnh", "Đoàn Thanh niên"]),
    ("Kho bạc Nhà nước tỉnh, Chi cục Thống kê tỉnh, Cục Thuế tỉnh",
     ["Kho bạc Nhà nước tỉnh", "Chi cục Thống kê tỉnh", "Cục Thuế tỉnh"]),
    ("Viện Kiểm sát nhân dân tỉnh và Tòa án nhân dân tỉnh", ["Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh"]),
    ("Trường Chính trị tỉnh; Bệnh viện Đa khoa tỉnh", ["Trường Chính trị tỉnh", "Bệnh viện Đa khoa tỉnh"]),
    ("Đảng ủy các cơ quan Đảng tỉnh", ["Đảng ủy các cơ quan Đảng tỉnh"]),
    ("UBND xã Mỹ An, phường Cao Lãnh", ["Ủy ban nhân dân xã Mỹ An", "Phường Cao Lãnh"]),
    ("Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội", [MTTQ, "Các tổ chức chính trị - xã hội"]),
    # named agencies and groups together
    ("VP UBND tỉnh và các Sở, ngành", [VP, SBN]),
    ("VP. UBND tỉnh", [VP]),
    ("Sở Tài chính cùng các sở, ngành liên quan", [TC, SBN]),
    ("Sở Tài chính và các cơ quan, đơn vị có liên quan", [TC, CQDV]),
    ("Sở Tài chính, các cơ quan, đơn vị liên quan", [TC, CQDV]),
    ("Sở Khoa học và Công nghệ\nvà các sở, ngành", [SKHCN, SBN]),
    ("Sở KH&CN (chủ trì), Sở Tài chính", [SKHCN, TC]),
    ("Chủ trì: Sở KH&CN; phối hợp: Sở Nội vụ", [SKHCN, NV]),
    ("TP Cao Lãnh, UBND các xã", ["Thành phố Cao Lãnh", XA]),
    ("Viettel Đồng Tháp, VNPT Đồng Tháp, Bưu điện tỉnh", ["Viettel Đồng Tháp", "VNPT Đồng Tháp", "Bưu điện tỉnh"]),
    ("Các sở, ban, ngành Sở Tài chính", [SBN, TC]),
]

ALL_CELLS = SEED_CELLS + PDF_CELLS + VARIANT_CELLS
