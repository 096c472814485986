$s = New-PSSession -ComputerName Server01
Enter-PSSession -Session $s
Exit-PSSession
$s
exit
