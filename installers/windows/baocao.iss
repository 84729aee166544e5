; baocao: Windows installer (Inno Setup 6). Build the app first (pyinstaller installers/baocao.spec), then
;   iscc installers\windows\baocao.iss
; which writes dist\baocao-<version>-windows-x64-setup.exe.
;
; Per-user install, no administrator rights: the app goes to %LOCALAPPDATA%\Programs\baocao and the user's
; data lives apart from it in %LOCALAPPDATA%\baocao (platformdirs' user_data_dir), so an upgrade replaces
; the program and never touches the store; the app migrates the store when it next opens it. Uninstalling
; keeps the data unless the user answers Yes to deleting it.

#define AppName "baocao"
#define AppExe "baocao.exe"
#define CliExe "baocao-cli.exe"
#define DistDir "..\..\dist\baocao"
; The version comes from pyproject.toml through the exe's version resource (installers/baocao.spec);
; a build server may still pass /DAppVersion=... explicitly.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(SourcePath) + DistDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error "No version found: build dist\baocao with PyInstaller first (installers/baocao.spec)."
#endif
; Four numbers for the setup exe's own version resource ("0.1.0" -> "0.1.0.0"; a pre-release keeps its text
; in AppVersion).
#define NumericVersion GetVersionNumbersString(AddBackslash(SourcePath) + DistDir + "\" + AppExe)

[Setup]
; Never change the AppId: an upgrade finds the installed copy by it.
AppId={{0ACB6D05-9C8B-4BC9-BC1B-AB43CE54CB6B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=baocao
VersionInfoVersion={#NumericVersion}
VersionInfoProductTextVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
UsePreviousAppDir=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
SetupIconFile=..\..\desktop\resources\icons\baocao.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
SetupLogging=yes

[Languages]
; Vietnamese.isl (ours) overrides the English defaults for every message this installer shows.
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Messages]
en.ConfirmUninstall=Are you sure you want to remove %1? (Your report data is kept unless you choose to delete it in the next step.)

[CustomMessages]
; The Vietnamese texts are in Vietnamese.isl (this file stays ASCII, which every ISCC reads alike).
en.DeleteDataPrompt=Also delete your report data?%n%n%1%n%nChoose No to keep it (recommended): if baocao is installed again, your data will be there. Choose Yes to delete the store permanently; it cannot be recovered.
en.DeleteDataFailed=The data folder could not be deleted completely:%n%1%n%nClose baocao and delete the folder by hand.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole program folder so that no library of the old version is left to load.
; The user's data is not in {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#DistDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#DistDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the app may have made inside its own folder (never the user's data, which lives elsewhere).
Type: filesandordirs; Name: "{app}\_internal"

[Code]
// The data folder of desktop.services.accounts.default_data_dir(): platformdirs' user_data_dir("baocao").
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}');
end;

// Windows' uninstaller has no wizard page to hold a check box, so the question is a Yes/No box whose
// default answer is No: pressing Enter keeps the data. A silent uninstall (e.g. by an upgrade script)
// never deletes it.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and (not UninstallSilent()) and DirExists(DataDir()) then
  begin
    if MsgBox(FmtMessage(CustomMessage('DeleteDataPrompt'), [DataDir()]), mbConfirmation,
              MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      if not DelTree(DataDir(), True, True, True) then
        MsgBox(FmtMessage(CustomMessage('DeleteDataFailed'), [DataDir()]), mbError, MB_OK);
    end;
  end;
end;
