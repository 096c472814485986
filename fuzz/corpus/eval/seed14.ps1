Where-Object Name -like s* -Not; 1,2 | ? { $_ -in 1,3 }; 1 | % { $PSItem -xor 0 }
