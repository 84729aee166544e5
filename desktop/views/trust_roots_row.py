"""«Chứng thư gốc tin cậy» in Settings: how many roots signatures are checked against, and a button to add
the one an office was given (the window's ``baocao trust add``), for a province that publishes none yet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.signing import trust
from desktop.views.file_folders import remember, start_folder
from desktop.views.worker import error_text


class TrustRootsRow(QWidget):
    """The roots' count by origin, and «Thêm chứng thư gốc…» (added at once: it is its own action)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.state = QLabel()
        self.state.setObjectName("trustRootsState")
        self.state.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Thêm chứng thư &gốc…"))
        self.add_button.setObjectName("trustRootAdd")
        self.add_button.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state, 1)
        row.addWidget(self.add_button)
        self.show_count()

    def show_count(self) -> None:
        """Say how many roots count, from the province and from this PC."""
        roots = trust.list_roots(self.store)
        local = sum(1 for root in roots if root.source == "local")
        if not roots:
            self.state.setText(self.tr("Chưa có chứng thư gốc nào: đồng bộ với Sở, hoặc thêm tệp Sở gửi (.pem)."))
        else:
            self.state.setText(self.tr("Chứng thư gốc tin cậy: %1 (thêm trên máy này: %2).")
                               .replace("%1", str(len(roots))).replace("%2", str(local)))

    def choose(self) -> None:
        """Ask for the PEM file and add its certificates as local roots."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chứng thư gốc tin cậy"), str(start_folder("certificate")),
                                              self.tr("Chứng thư (*.pem *.crt *.cer);;Mọi tệp (*)"))
        if path:
            remember("certificate", Path(path))
            self.add(Path(path))

    def add(self, path: Path) -> None:
        """Add the roots of ``path``; a bad file is said in the row and changes nothing."""
        try:
            added = trust.add_local_roots(self.store, path)
        except BaocaoError as exc:
            self.state.setText(error_text(exc))
            return
        self.show_count()
        names = ", ".join(root.subject for root in added)
        self.state.setText(self.state.text() + " " + self.tr("Đã thêm: %1.").replace("%1", names))
