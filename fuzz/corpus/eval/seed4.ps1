Write-Output 1,2 -ov o | Write-Output; $o
