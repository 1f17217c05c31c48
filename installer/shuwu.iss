; Inno Setup 6 script for the Windows installer of Shuwu (书屋).
; Build on Windows after `bash installer/build.sh` has made dist\shuwu\:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\shuwu.iss
; Output: dist\installer\shuwu-setup-<version>.exe (Chinese installer text, start-menu
; entries, optional desktop icon, uninstall). Per-user install: no administrator rights needed
; on the village PC; the profile data in %LOCALAPPDATA%\Shuwu is kept on uninstall.

#define AppName "书屋"
#define AppVersion GetEnv("SHUWU_VERSION") == "" ? "0.1.0" : GetEnv("SHUWU_VERSION")
#define ZhIsl AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"

[Setup]
AppId={{6E0B7F3A-5C1D-4A8E-9B52-8F1D2C3B4A51}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=县图书馆总分馆
DefaultDirName={localappdata}\Programs\Shuwu
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\dist\installer
OutputBaseFilename=shuwu-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName} 图书馆管理
UninstallDisplayIcon={app}\shuwu.exe
ArchitecturesInstallIn64BitMode=x64compatible
ShowLanguageDialog=no

[Languages]
#if FileExists(ZhIsl)
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
; Older Inno Setup 6 releases keep the Chinese messages among the unofficial translations.
Name: "chs"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#endif

[CustomMessages]
chs.DesktopIcon=在桌面上创建“书屋”图标
chs.IconsGroup=快捷方式：
chs.RunShuwu=现在打开书屋
chs.ShuwuComment=农家书屋图书管理（借还、编目、同步）
chs.TrainingComment=培训模式：用练习数据学习，不会同步到县馆
chs.UninstallShuwu=卸载书屋
chs.DataKept=书屋已卸载。本机的图书、读者和借阅数据仍保存在 %1，重新安装后可继续使用。

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:IconsGroup}"

[Files]
Source: "..\dist\shuwu\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\书屋"; Filename: "{app}\shuwu.exe"; Comment: "{cm:ShuwuComment}"
Name: "{group}\书屋（培训模式）"; Filename: "{app}\shuwu.exe"; Parameters: "training open"; Comment: "{cm:TrainingComment}"
Name: "{group}\{cm:UninstallShuwu}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\书屋"; Filename: "{app}\shuwu.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\shuwu.exe"; Description: "{cm:RunShuwu}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  // The branch's data is never deleted by the uninstaller: say where it is.
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\Shuwu')]),
      mbInformation, MB_OK);
end;
