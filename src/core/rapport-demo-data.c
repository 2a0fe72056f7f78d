/* rapport-demo-data.c
 *
 * Copyright 2026 The Rapport authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-demo-data.h"

/* An array and its length, for the tables below. */
#define WITH_LENGTH(array) array, G_N_ELEMENTS (array)

/* West African: Yoruba, Igbo, Hausa, Akan, Ewe, Wolof and Mande names. */

static const char * const west_african_female[] = {
  "Adaeze", "Chiamaka", "Ngozi", "Folake", "Funmilayo", "Yetunde", "Aisha", "Zainab",
  "Abena", "Akosua", "Ama", "Efua", "Awa", "Fatou", "Aminata", "Mariama", "Nneka",
  "Oluwaseun", "Temitope", "Adwoa", "Khady", "Ifeoma", "Bisola", "Adjoa",
};

static const char * const west_african_male[] = {
  "Chinedu", "Emeka", "Obinna", "Tunde", "Babatunde", "Olumide", "Segun", "Kwame",
  "Kofi", "Kwabena", "Yaw", "Kojo", "Ibrahima", "Moussa", "Mamadou", "Cheikh",
  "Abdoulaye", "Musa", "Sani", "Ikechukwu", "Femi", "Kayode", "Senyo", "Edem",
};

static const char * const west_african_family[] = {
  "Okafor", "Okeke", "Eze", "Nwosu", "Adeyemi", "Adebayo", "Ogunleye", "Balogun",
  "Olawale", "Bello", "Abubakar", "Danjuma", "Mensah", "Owusu", "Asante", "Boateng",
  "Osei", "Appiah", "Agyeman", "Diallo", "Ndiaye", "Sow", "Fall", "Diop", "Mbaye",
  "Traoré", "Koné", "Ouédraogo", "Agbeko", "Kpodo", "Nwachukwu", "Onyekachi",
};

static const RapportDemoPlace west_african_places[] = {
  { "Lagos, Nigeria", "Africa/Lagos" },
  { "Abuja, Nigeria", "Africa/Lagos" },
  { "Ibadan, Nigeria", "Africa/Lagos" },
  { "Enugu, Nigeria", "Africa/Lagos" },
  { "Accra, Ghana", "Africa/Accra" },
  { "Kumasi, Ghana", "Africa/Accra" },
  { "Dakar, Senegal", "Africa/Dakar" },
  { "Abidjan, Côte d’Ivoire", "Africa/Abidjan" },
  { "Lomé, Togo", "Africa/Lome" },
  { "Cotonou, Benin", "Africa/Porto-Novo" },
  { "Ouagadougou, Burkina Faso", "Africa/Ouagadougou" },
  { "Freetown, Sierra Leone", "Africa/Freetown" },
};

/* East African: Kikuyu, Luo, Kalenjin, Swahili, Amharic, Ganda and Rwandan names. */

static const char * const east_african_female[] = {
  "Wanjiru", "Achieng", "Njeri", "Akinyi", "Wambui", "Nyokabi", "Atieno", "Mumbua",
  "Saida", "Rehema", "Neema", "Imani", "Zawadi", "Amani", "Makena", "Hiwot", "Selam",
  "Meron", "Tigist", "Bethlehem", "Nakato", "Nansubuga", "Uwase", "Mutesi",
};

static const char * const east_african_male[] = {
  "Kamau", "Otieno", "Mwangi", "Kiprono", "Kipchoge", "Odhiambo", "Baraka", "Juma",
  "Omari", "Hamisi", "Tendai", "Abebe", "Dawit", "Tesfaye", "Yohannes", "Mesfin",
  "Ssemakula", "Mugisha", "Habimana", "Kato", "Wekesa", "Njoroge", "Mutua", "Jabari",
};

static const char * const east_african_family[] = {
  "Kariuki", "Ochieng", "Wafula", "Mutiso", "Kimani", "Njoroge", "Onyango", "Chebet",
  "Kiptoo", "Mwakilema", "Msuya", "Mushi", "Massawe", "Lyimo", "Tadesse", "Bekele",
  "Haile", "Girma", "Alemu", "Tesfaye", "Mengistu", "Okello", "Nsubuga", "Kiggundu",
  "Byaruhanga", "Nkurunziza", "Uwimana", "Niyonzima", "Ndayisaba", "Mwangi",
};

static const RapportDemoPlace east_african_places[] = {
  { "Nairobi, Kenya", "Africa/Nairobi" },
  { "Mombasa, Kenya", "Africa/Nairobi" },
  { "Kisumu, Kenya", "Africa/Nairobi" },
  { "Addis Ababa, Ethiopia", "Africa/Addis_Ababa" },
  { "Kampala, Uganda", "Africa/Kampala" },
  { "Dar es Salaam, Tanzania", "Africa/Dar_es_Salaam" },
  { "Arusha, Tanzania", "Africa/Dar_es_Salaam" },
  { "Kigali, Rwanda", "Africa/Kigali" },
  { "Zanzibar, Tanzania", "Africa/Dar_es_Salaam" },
};

/* Chinese, in pinyin. */

static const char * const chinese_female[] = {
  "Mei", "Xiaoling", "Yan", "Jing", "Li", "Na", "Fang", "Xiu", "Hui", "Lan", "Ying",
  "Yu", "Ting", "Qian", "Xinyi", "Ruoxi", "Shu", "Wen", "Zhen", "Jia", "Yutong",
};

static const char * const chinese_male[] = {
  "Wei", "Jun", "Hao", "Lei", "Ming", "Qiang", "Tao", "Yong", "Jie", "Bo", "Chen",
  "Feng", "Gang", "Zhiwei", "Haoran", "Yichen", "Zihan", "Kai", "Long", "Xin", "Yifan",
};

static const char * const chinese_family[] = {
  "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
  "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao", "Zheng", "Liang", "Xie",
  "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Lü", "Xiao",
};

static const RapportDemoPlace chinese_places[] = {
  { "Beijing, China", "Asia/Shanghai" },
  { "Shanghai, China", "Asia/Shanghai" },
  { "Shenzhen, China", "Asia/Shanghai" },
  { "Hangzhou, China", "Asia/Shanghai" },
  { "Chengdu, China", "Asia/Shanghai" },
  { "Wuhan, China", "Asia/Shanghai" },
  { "Taipei, Taiwan", "Asia/Taipei" },
  { "Hong Kong", "Asia/Hong_Kong" },
  { "Singapore", "Asia/Singapore" },
};

/* Japanese, in Hepburn romanisation with long vowels marked. */

static const char * const japanese_female[] = {
  "Yuki", "Haruka", "Aoi", "Sakura", "Yui", "Misaki", "Nanami", "Akiko", "Keiko", "Emi",
  "Ayaka", "Rin", "Mio", "Hina", "Kaori", "Naoko", "Tomoko", "Yōko", "Chihiro", "Mai",
};

static const char * const japanese_male[] = {
  "Haruto", "Ren", "Sōta", "Yūto", "Kenji", "Takeshi", "Hiroshi", "Daisuke", "Kazuki",
  "Shōta", "Takumi", "Ryō", "Satoshi", "Kōji", "Masato", "Yusuke", "Akira", "Naoki",
  "Shun", "Tatsuya",
};

static const char * const japanese_family[] = {
  "Satō", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Itō", "Yamamoto", "Nakamura",
  "Kobayashi", "Katō", "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue",
  "Kimura", "Hayashi", "Shimizu", "Yamazaki", "Mori", "Abe", "Ikeda", "Hashimoto",
  "Ishikawa", "Ogawa", "Fujita", "Okada", "Gotō", "Hasegawa",
};

static const RapportDemoPlace japanese_places[] = {
  { "Tokyo, Japan", "Asia/Tokyo" },
  { "Osaka, Japan", "Asia/Tokyo" },
  { "Kyoto, Japan", "Asia/Tokyo" },
  { "Fukuoka, Japan", "Asia/Tokyo" },
  { "Sapporo, Japan", "Asia/Tokyo" },
  { "Nagoya, Japan", "Asia/Tokyo" },
};

/* Korean, in Revised Romanisation with the usual hyphenated given names. */

static const char * const korean_female[] = {
  "Ji-woo", "Seo-yeon", "Min-ji", "Ha-eun", "Soo-ah", "Ji-yoon", "Yuna", "Hye-jin",
  "Eun-ji", "Da-eun", "Su-bin", "Ye-jin", "Mi-rae", "Na-yeon", "Seo-hyun", "Ji-min",
};

static const char * const korean_male[] = {
  "Min-jun", "Seo-jun", "Do-yun", "Ji-ho", "Jae-won", "Hyun-woo", "Sung-min", "Tae-yang",
  "Jun-ho", "Dong-hyun", "Sang-woo", "Young-ho", "Joon-young", "Woo-jin", "Kyung-soo",
  "Jae-hyun",
};

static const char * const korean_family[] = {
  "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
  "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Jeon", "Hong", "Yoo", "Ko",
  "Moon", "Yang", "Son", "Bae", "Baek", "Heo", "Nam", "Noh",
};

static const RapportDemoPlace korean_places[] = {
  { "Seoul, South Korea", "Asia/Seoul" },
  { "Busan, South Korea", "Asia/Seoul" },
  { "Incheon, South Korea", "Asia/Seoul" },
  { "Daejeon, South Korea", "Asia/Seoul" },
  { "Pangyo, South Korea", "Asia/Seoul" },
};

/* South Asian: Indian, Pakistani, Bangladeshi, Sri Lankan and Nepali names. */

static const char * const south_asian_female[] = {
  "Priya", "Ananya", "Aishwarya", "Kavya", "Divya", "Lakshmi", "Meera", "Nandini",
  "Pooja", "Shreya", "Sneha", "Deepika", "Ayesha", "Fatima", "Sana", "Nusrat", "Tahmina",
  "Farhana", "Nilufar", "Anjali", "Ishita", "Ramya", "Tharushi", "Nimali",
};

static const char * const south_asian_male[] = {
  "Arjun", "Rahul", "Vikram", "Aditya", "Rohan", "Siddharth", "Karthik", "Pranav", "Arun",
  "Suresh", "Ravi", "Anil", "Vivek", "Imran", "Hamza", "Bilal", "Usman", "Zubair",
  "Tanvir", "Rafiq", "Kasun", "Nuwan", "Bishal", "Sagar",
};

static const char * const south_asian_family[] = {
  "Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Menon", "Rao",
  "Krishnan", "Subramanian", "Chatterjee", "Banerjee", "Mukherjee", "Das", "Joshi",
  "Deshpande", "Kulkarni", "Agarwal", "Khan", "Ahmed", "Qureshi", "Siddiqui", "Chaudhry",
  "Hossain", "Rahman", "Islam", "Perera", "Fernando", "Jayasuriya", "Shrestha", "Thapa",
};

static const RapportDemoPlace south_asian_places[] = {
  { "Bengaluru, India", "Asia/Kolkata" },
  { "Pune, India", "Asia/Kolkata" },
  { "Hyderabad, India", "Asia/Kolkata" },
  { "Chennai, India", "Asia/Kolkata" },
  { "Mumbai, India", "Asia/Kolkata" },
  { "New Delhi, India", "Asia/Kolkata" },
  { "Kochi, India", "Asia/Kolkata" },
  { "Karachi, Pakistan", "Asia/Karachi" },
  { "Lahore, Pakistan", "Asia/Karachi" },
  { "Dhaka, Bangladesh", "Asia/Dhaka" },
  { "Colombo, Sri Lanka", "Asia/Colombo" },
  { "Kathmandu, Nepal", "Asia/Kathmandu" },
};

/* Slavic: Russian, Polish, Czech, Ukrainian, Serbian and Croatian names. */

static const char * const slavic_female[] = {
  "Anna", "Olga", "Natalia", "Ekaterina", "Tatiana", "Irina", "Svetlana", "Anastasia",
  "Yulia", "Mariya", "Agnieszka", "Małgorzata", "Katarzyna", "Zofia", "Magdalena",
  "Joanna", "Tereza", "Lucie", "Kateřina", "Veronika", "Oksana", "Kateryna", "Milica",
  "Jelena", "Ivana", "Dragana",
};

static const char * const slavic_male[] = {
  "Aleksandr", "Dmitri", "Sergei", "Andrei", "Mikhail", "Ivan", "Nikolai", "Pavel",
  "Maksim", "Łukasz", "Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Jakub", "Jiří",
  "Petr", "Tomáš", "Ondřej", "Oleksandr", "Taras", "Bohdan", "Nikola", "Stefan", "Miloš",
  "Dušan",
};

static const char * const slavic_family[] = {
  "Ivanov|Ivanova", "Smirnov|Smirnova", "Kuznetsov|Kuznetsova", "Popov|Popova",
  "Volkov|Volkova", "Sokolov|Sokolova", "Morozov|Morozova", "Lebedev|Lebedeva",
  "Kowalski|Kowalska", "Wiśniewski|Wiśniewska", "Nowak", "Wójcik", "Kamiński|Kamińska",
  "Lewandowski|Lewandowska", "Zieliński|Zielińska", "Woźniak", "Dąbrowski|Dąbrowska",
  "Novák|Nováková", "Dvořák|Dvořáková", "Svoboda|Svobodová", "Černý|Černá",
  "Procházka|Procházková", "Kučera|Kučerová", "Shevchenko", "Kovalenko", "Bondarenko",
  "Tkachenko", "Kravchenko", "Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević",
  "Horvat", "Kovačević",
};

static const RapportDemoPlace slavic_places[] = {
  { "Warsaw, Poland", "Europe/Warsaw" },
  { "Kraków, Poland", "Europe/Warsaw" },
  { "Wrocław, Poland", "Europe/Warsaw" },
  { "Gdańsk, Poland", "Europe/Warsaw" },
  { "Prague, Czechia", "Europe/Prague" },
  { "Brno, Czechia", "Europe/Prague" },
  { "Kyiv, Ukraine", "Europe/Kyiv" },
  { "Lviv, Ukraine", "Europe/Kyiv" },
  { "Belgrade, Serbia", "Europe/Belgrade" },
  { "Novi Sad, Serbia", "Europe/Belgrade" },
  { "Zagreb, Croatia", "Europe/Zagreb" },
  { "Saint Petersburg, Russia", "Europe/Moscow" },
  { "Novosibirsk, Russia", "Asia/Novosibirsk" },
};

/* Latin American: Spanish and Brazilian Portuguese names. */

static const char * const latin_american_female[] = {
  "María", "Sofía", "Valentina", "Camila", "Isabella", "Lucía", "Daniela", "Gabriela",
  "Mariana", "Fernanda", "Ana", "Paula", "Natalia", "Ximena", "Guadalupe", "Renata",
  "Florencia", "Antonella", "Juliana", "Letícia", "Beatriz", "Luana", "Thaís", "Débora",
  "Yesenia",
};

static const char * const latin_american_male[] = {
  "José", "Juan", "Luis", "Carlos", "Diego", "Alejandro", "Santiago", "Mateo", "Sebastián",
  "Andrés", "Javier", "Miguel", "Joaquín", "Tomás", "Nicolás", "Emiliano", "Rodrigo",
  "João", "Lucas", "Gabriel", "Rafael", "Thiago", "Gustavo", "Leonardo", "Felipe",
};

static const char * const latin_american_family[] = {
  "González", "Rodríguez", "Gómez", "Fernández", "López", "Díaz", "Martínez", "Pérez",
  "García", "Sánchez", "Romero", "Sosa", "Torres", "Álvarez", "Ruiz", "Ramírez", "Flores",
  "Benítez", "Acosta", "Medina", "Herrera", "Aguilar", "Castillo", "Vargas", "Rojas",
  "Muñoz", "Ortiz", "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Carvalho",
  "Araújo", "Gonçalves",
};

static const RapportDemoPlace latin_american_places[] = {
  { "São Paulo, Brazil", "America/Sao_Paulo" },
  { "Rio de Janeiro, Brazil", "America/Sao_Paulo" },
  { "Belo Horizonte, Brazil", "America/Sao_Paulo" },
  { "Recife, Brazil", "America/Recife" },
  { "Buenos Aires, Argentina", "America/Argentina/Buenos_Aires" },
  { "Córdoba, Argentina", "America/Argentina/Cordoba" },
  { "Santiago, Chile", "America/Santiago" },
  { "Bogotá, Colombia", "America/Bogota" },
  { "Medellín, Colombia", "America/Bogota" },
  { "Mexico City, Mexico", "America/Mexico_City" },
  { "Guadalajara, Mexico", "America/Mexico_City" },
  { "Lima, Peru", "America/Lima" },
  { "Montevideo, Uruguay", "America/Montevideo" },
  { "Quito, Ecuador", "America/Guayaquil" },
  { "San José, Costa Rica", "America/Costa_Rica" },
};

/* Nordic: Swedish, Norwegian, Danish, Finnish and Icelandic names. */

static const char * const nordic_female[] = {
  "Astrid", "Ingrid", "Sigrid", "Freja", "Maja", "Linnea", "Saga", "Elin", "Åsa", "Sølvi",
  "Liv", "Ida", "Karin", "Mette", "Signe", "Aino", "Eevi", "Kirsi", "Sanna", "Hanna",
  "Guðrún", "Sigríður", "Ragnhild", "Tuva",
};

static const char * const nordic_male[] = {
  "Lars", "Erik", "Anders", "Magnus", "Søren", "Mikael", "Olav", "Björn", "Sven",
  "Henrik", "Jukka", "Mikko", "Väinö", "Oskar", "Rasmus", "Jón", "Kári", "Øyvind",
  "Håkan", "Torbjørn", "Jesper", "Mads", "Eero", "Sindri",
};

static const char * const nordic_family[] = {
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Lindqvist", "Bergström",
  "Lindström", "Sjöberg", "Åkesson", "Hansen", "Johansen", "Olsen", "Haugen", "Bakke",
  "Solberg", "Dahl", "Jensen", "Nielsen", "Sørensen", "Rasmussen", "Christensen",
  "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Hämäläinen", "Järvinen", "Møller",
  "Jónsson|Jónsdóttir", "Guðmundsson|Guðmundsdóttir", "Sigurðsson|Sigurðardóttir",
};

static const RapportDemoPlace nordic_places[] = {
  { "Stockholm, Sweden", "Europe/Stockholm" },
  { "Gothenburg, Sweden", "Europe/Stockholm" },
  { "Malmö, Sweden", "Europe/Stockholm" },
  { "Oslo, Norway", "Europe/Oslo" },
  { "Bergen, Norway", "Europe/Oslo" },
  { "Trondheim, Norway", "Europe/Oslo" },
  { "Copenhagen, Denmark", "Europe/Copenhagen" },
  { "Aarhus, Denmark", "Europe/Copenhagen" },
  { "Helsinki, Finland", "Europe/Helsinki" },
  { "Tampere, Finland", "Europe/Helsinki" },
  { "Reykjavík, Iceland", "Atlantic/Reykjavik" },
};

/* Arabic, in common Latin spellings. */

static const char * const arabic_female[] = {
  "Fatima", "Aisha", "Mariam", "Layla", "Nour", "Salma", "Huda", "Rania", "Yasmin",
  "Amira", "Dina", "Hala", "Lina", "Rana", "Zainab", "Samira", "Noura", "Reem", "Farah",
  "Leila", "Jamila", "Hanan",
};

static const char * const arabic_male[] = {
  "Mohammed", "Ahmed", "Omar", "Youssef", "Khaled", "Ali", "Hassan", "Hussein", "Ibrahim",
  "Mahmoud", "Mustafa", "Tariq", "Karim", "Samir", "Nabil", "Walid", "Faisal", "Hamza",
  "Bilal", "Rami", "Ziad", "Anas",
};

static const char * const arabic_family[] = {
  "Al-Farsi", "Al-Rashid", "Al-Hashimi", "Al-Masri", "Al-Khatib", "Haddad", "Khoury",
  "Nasser", "Mansour", "Saleh", "Hamdan", "Abboud", "Aziz", "Ibrahim", "Khalil", "Darwish",
  "Farouk", "Said", "El-Sayed", "Abdelrahman", "Benali", "Bouzid", "Cherif", "Mahfouz",
  "Qasim", "Suleiman", "Othman", "Yassin", "Zaki", "Shaheen",
};

static const RapportDemoPlace arabic_places[] = {
  { "Cairo, Egypt", "Africa/Cairo" },
  { "Alexandria, Egypt", "Africa/Cairo" },
  { "Amman, Jordan", "Asia/Amman" },
  { "Beirut, Lebanon", "Asia/Beirut" },
  { "Dubai, United Arab Emirates", "Asia/Dubai" },
  { "Riyadh, Saudi Arabia", "Asia/Riyadh" },
  { "Doha, Qatar", "Asia/Qatar" },
  { "Muscat, Oman", "Asia/Muscat" },
  { "Casablanca, Morocco", "Africa/Casablanca" },
  { "Rabat, Morocco", "Africa/Casablanca" },
  { "Tunis, Tunisia", "Africa/Tunis" },
  { "Algiers, Algeria", "Africa/Algiers" },
};

/* Western European: French, German, Dutch, Flemish, Italian, Spanish, Basque,
 * Catalan, Portuguese and Irish names. */

static const char * const western_european_female[] = {
  "Élodie", "Camille", "Chloé", "Hélène", "Manon", "Léa", "Anaïs", "Margaux", "Lena",
  "Jana", "Katrin", "Annika", "Sophie", "Jördis", "Sanne", "Femke", "Lotte", "Giulia",
  "Chiara", "Francesca", "Alessia", "Carmen", "Begoña", "Nerea", "Inês", "Siobhán",
  "Aoife", "Maëlle",
};

static const char * const western_european_male[] = {
  "François", "Benoît", "Jérôme", "Théo", "Louis", "Mathieu", "Jürgen", "Lukas", "Jonas",
  "Felix", "Maximilian", "Tobias", "Niels", "Bram", "Daan", "Joris", "Niccolò", "Matteo",
  "Lorenzo", "Davide", "Iñaki", "Jordi", "Álvaro", "Duarte", "Ciarán", "Seán", "Loïc",
  "Gaël",
};

static const char * const western_european_family[] = {
  "Lefèvre", "Dubois", "Moreau", "Laurent", "Girard", "Bonnet", "Rousseau", "Fournier",
  "Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Schröder", "Köhler", "Bauer",
  "Hoffmann", "de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "Smit", "Peeters",
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Etxeberria",
  "Puig", "Ferreira", "Rodrigues", "O’Connor", "Ó Briain|Ní Bhriain", "Murphy",
};

static const RapportDemoPlace western_european_places[] = {
  { "Paris, France", "Europe/Paris" },
  { "Lyon, France", "Europe/Paris" },
  { "Nantes, France", "Europe/Paris" },
  { "Berlin, Germany", "Europe/Berlin" },
  { "Munich, Germany", "Europe/Berlin" },
  { "Hamburg, Germany", "Europe/Berlin" },
  { "Amsterdam, Netherlands", "Europe/Amsterdam" },
  { "Rotterdam, Netherlands", "Europe/Amsterdam" },
  { "Brussels, Belgium", "Europe/Brussels" },
  { "Ghent, Belgium", "Europe/Brussels" },
  { "Zürich, Switzerland", "Europe/Zurich" },
  { "Vienna, Austria", "Europe/Vienna" },
  { "Milan, Italy", "Europe/Rome" },
  { "Bologna, Italy", "Europe/Rome" },
  { "Madrid, Spain", "Europe/Madrid" },
  { "Barcelona, Spain", "Europe/Madrid" },
  { "Bilbao, Spain", "Europe/Madrid" },
  { "Lisbon, Portugal", "Europe/Lisbon" },
  { "Porto, Portugal", "Europe/Lisbon" },
  { "Dublin, Ireland", "Europe/Dublin" },
};

/* English-speaking: British, American, Canadian, Australian and New Zealand names. */

static const char * const anglo_female[] = {
  "Emily", "Sarah", "Jessica", "Olivia", "Emma", "Charlotte", "Amelia", "Hannah", "Grace",
  "Megan", "Rachel", "Lauren", "Abigail", "Madison", "Chloe", "Zoe", "Harper", "Ruby",
  "Isla", "Kate", "Rebecca", "Laura",
};

static const char * const anglo_male[] = {
  "James", "John", "Michael", "David", "Daniel", "Matthew", "Christopher", "Andrew",
  "Joshua", "Ryan", "Thomas", "William", "Oliver", "Jack", "Harry", "Ethan", "Liam",
  "Noah", "Samuel", "Benjamin", "Nathan", "Tyler",
};

static const char * const anglo_family[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
  "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Thompson", "White",
  "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
  "Scott", "Hill", "Green", "Adams", "Baker", "Campbell", "Mitchell", "Roberts", "Carter",
  "Phillips", "Evans", "Turner", "Parker",
};

static const RapportDemoPlace anglo_places[] = {
  { "London, United Kingdom", "Europe/London" },
  { "Manchester, United Kingdom", "Europe/London" },
  { "Edinburgh, United Kingdom", "Europe/London" },
  { "New York, United States", "America/New_York" },
  { "Boston, United States", "America/New_York" },
  { "Atlanta, United States", "America/New_York" },
  { "Chicago, United States", "America/Chicago" },
  { "Austin, United States", "America/Chicago" },
  { "Denver, United States", "America/Denver" },
  { "San Francisco, United States", "America/Los_Angeles" },
  { "Seattle, United States", "America/Los_Angeles" },
  { "Portland, United States", "America/Los_Angeles" },
  { "Toronto, Canada", "America/Toronto" },
  { "Vancouver, Canada", "America/Vancouver" },
  { "Montréal, Canada", "America/Toronto" },
  { "Sydney, Australia", "Australia/Sydney" },
  { "Melbourne, Australia", "Australia/Melbourne" },
  { "Brisbane, Australia", "Australia/Brisbane" },
  { "Auckland, New Zealand", "Pacific/Auckland" },
  { "Wellington, New Zealand", "Pacific/Auckland" },
};

/* Turkish. */

static const char * const turkish_female[] = {
  "Ayşe", "Elif", "Zeynep", "Emine", "Fatma", "Merve", "Büşra", "Özge", "Gülay", "Şeyma",
  "Ebru", "Derya", "Deniz", "İrem", "Selin", "Ece", "Gizem", "Nur", "Cansu", "Dilek",
};

static const char * const turkish_male[] = {
  "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Emre", "Burak",
  "Oğuz", "Çağrı", "Barış", "Kaan", "Serkan", "Ümit", "Tolga", "Can", "Mert", "Onur",
  "Yiğit",
};

static const char * const turkish_family[] = {
  "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
  "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt",
  "Özkan", "Şimşek", "Polat", "Erdem", "Güneş", "Aksoy", "Korkmaz", "Bulut",
};

static const RapportDemoPlace turkish_places[] = {
  { "Istanbul, Türkiye", "Europe/Istanbul" },
  { "Ankara, Türkiye", "Europe/Istanbul" },
  { "İzmir, Türkiye", "Europe/Istanbul" },
  { "Bursa, Türkiye", "Europe/Istanbul" },
  { "Antalya, Türkiye", "Europe/Istanbul" },
  { "Eskişehir, Türkiye", "Europe/Istanbul" },
};

/* Persian. */

static const char * const persian_female[] = {
  "Shirin", "Maryam", "Zahra", "Parisa", "Niloufar", "Sara", "Roya", "Mahsa", "Leila",
  "Azadeh", "Golnaz", "Nazanin", "Sepideh", "Yasaman", "Fereshteh", "Mina", "Soraya",
  "Taraneh", "Elnaz", "Bahar",
};

static const char * const persian_male[] = {
  "Dariush", "Reza", "Ali", "Mohammad", "Hossein", "Amir", "Mehdi", "Babak", "Kourosh",
  "Arash", "Farhad", "Kaveh", "Behnam", "Navid", "Omid", "Payam", "Saeed", "Siavash",
  "Pouya", "Ramin",
};

static const char * const persian_family[] = {
  "Rahimi", "Tehrani", "Ghasemi", "Mohammadi", "Hosseini", "Karimi", "Rezaei", "Moradi",
  "Jafari", "Ahmadi", "Sadeghi", "Hashemi", "Rostami", "Kazemi", "Mousavi", "Ebrahimi",
  "Sharifi", "Najafi", "Bagheri", "Azizi", "Shirazi", "Esfahani", "Farahani", "Ansari",
  "Zand", "Nouri", "Amini", "Kamali",
};

static const RapportDemoPlace persian_places[] = {
  { "Tehran, Iran", "Asia/Tehran" },
  { "Isfahan, Iran", "Asia/Tehran" },
  { "Shiraz, Iran", "Asia/Tehran" },
  { "Tabriz, Iran", "Asia/Tehran" },
  { "Mashhad, Iran", "Asia/Tehran" },
  { "Herat, Afghanistan", "Asia/Kabul" },
};

/* Vietnamese, written given name first as most do in international communities. */

static const char * const vietnamese_female[] = {
  "Linh", "Thảo", "Ngọc", "Hương", "Mai", "Trang", "Lan", "Hạnh", "Phương", "Thu", "Hà",
  "Yến", "Vy", "Anh", "Quỳnh", "Nhung",
};

static const char * const vietnamese_male[] = {
  "Minh", "Tuấn", "Hùng", "Đức", "Quang", "Huy", "Thanh", "Dũng", "Khoa", "Phúc", "Long",
  "Nam", "Bảo", "Hiếu", "Sơn", "Trung",
};

static const char * const vietnamese_family[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
  "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Trương", "Mai",
};

static const RapportDemoPlace vietnamese_places[] = {
  { "Ho Chi Minh City, Vietnam", "Asia/Ho_Chi_Minh" },
  { "Hanoi, Vietnam", "Asia/Ho_Chi_Minh" },
  { "Da Nang, Vietnam", "Asia/Ho_Chi_Minh" },
  { "Huế, Vietnam", "Asia/Ho_Chi_Minh" },
};

/* Maritime Southeast Asian: Indonesian, Malaysian and Filipino names. */

static const char * const maritime_female[] = {
  "Siti", "Dewi", "Putri", "Ayu", "Rina", "Indah", "Nur", "Aisyah", "Farah", "Nurul",
  "Angelica", "Kristine", "Jasmine", "Maricel", "Joy", "Camille",
};

static const char * const maritime_male[] = {
  "Budi", "Agus", "Rizky", "Andi", "Bayu", "Dimas", "Hafiz", "Syafiq", "Faiz", "Amir",
  "Paolo", "Rommel", "Carlo", "Jericho", "Mark Anthony", "Ramon",
};

static const char * const maritime_family[] = {
  "Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Kusuma", "Setiawan", "Nugroho",
  "Siregar", "Simanjuntak", "Abdullah", "Ismail", "Razak", "Tan", "Lim", "Reyes",
  "Santos", "Cruz", "Bautista", "Villanueva", "Dela Cruz", "Mendoza", "Aquino", "Ramos",
};

static const RapportDemoPlace maritime_places[] = {
  { "Jakarta, Indonesia", "Asia/Jakarta" },
  { "Bandung, Indonesia", "Asia/Jakarta" },
  { "Yogyakarta, Indonesia", "Asia/Jakarta" },
  { "Surabaya, Indonesia", "Asia/Jakarta" },
  { "Denpasar, Indonesia", "Asia/Makassar" },
  { "Kuala Lumpur, Malaysia", "Asia/Kuala_Lumpur" },
  { "Penang, Malaysia", "Asia/Kuala_Lumpur" },
  { "Manila, Philippines", "Asia/Manila" },
  { "Cebu City, Philippines", "Asia/Manila" },
  { "Davao City, Philippines", "Asia/Manila" },
};

#define CULTURE(label, weight, two_family, prefix) \
  { label, weight, two_family, \
    WITH_LENGTH (prefix##_female), WITH_LENGTH (prefix##_male), \
    WITH_LENGTH (prefix##_family), WITH_LENGTH (prefix##_places) }

/* Weights: roughly how many members of a global open-source community come
 * from each tradition. */
const RapportDemoCulture rapport_demo_cultures[] = {
  CULTURE ("English-speaking", 15, 0, anglo),
  CULTURE ("Western European", 15, 0, western_european),
  CULTURE ("South Asian", 12, 0, south_asian),
  CULTURE ("Latin American", 10, 30, latin_american),
  CULTURE ("Chinese", 8, 0, chinese),
  CULTURE ("Slavic", 7, 0, slavic),
  CULTURE ("West African", 5, 0, west_african),
  CULTURE ("Arabic", 5, 0, arabic),
  CULTURE ("Japanese", 4, 0, japanese),
  CULTURE ("East African", 4, 0, east_african),
  CULTURE ("Nordic", 4, 0, nordic),
  CULTURE ("Maritime Southeast Asian", 4, 0, maritime),
  CULTURE ("Korean", 3, 0, korean),
  CULTURE ("Turkish", 3, 0, turkish),
  CULTURE ("Vietnamese", 3, 0, vietnamese),
  CULTURE ("Persian", 2, 0, persian),
};

const guint rapport_demo_n_cultures = G_N_ELEMENTS (rapport_demo_cultures);

/* Invented companies, universities and foundations. The domains are under
 * the reserved .test top-level domain, so no address reaches anyone. */
const RapportDemoOrganization rapport_demo_organizations[] = {
  { "Fernwood Foundation", "fernwood.test" },
  { "Copperleaf Systems", "copperleaf.test" },
  { "Brightline Robotics", "brightline-robotics.test" },
  { "Bluefjord Data", "bluefjord.test" },
  { "Northgate Analytics", "northgate-analytics.test" },
  { "Halcyon Cloud Works", "halcyon-cloud.test" },
  { "Pinecrest Software", "pinecrest.test" },
  { "Quartzlight Labs", "quartzlight.test" },
  { "Riverbend Logistics", "riverbend.test" },
  { "Saffron Health Tech", "saffronhealth.test" },
  { "Tidewater Energy", "tidewater-energy.test" },
  { "Umbra Security", "umbrasec.test" },
  { "Vantage Orbital", "vantage-orbital.test" },
  { "Wrenfield Media", "wrenfield.test" },
  { "Yellowtail Games", "yellowtail-games.test" },
  { "Zephyr Mobility", "zephyr-mobility.test" },
  { "Ambergrove Finance", "ambergrove.test" },
  { "Basalt Devices", "basalt-devices.test" },
  { "Cinder & Slate", "cinderslate.test" },
  { "Driftwood Studio", "driftwood-studio.test" },
  { "Emberline Networks", "emberline.test" },
  { "Foxglove Bio", "foxglove-bio.test" },
  { "Glasshouse Retail", "glasshouse.test" },
  { "Harborlight Insurance", "harborlight.test" },
  { "Ironbark Manufacturing", "ironbark.test" },
  { "Juniper Row Consulting", "juniperrow.test" },
  { "Kiteline Aerospace", "kiteline.test" },
  { "Lanternfish AI", "lanternfish.test" },
  { "Marigold Payments", "marigold-pay.test" },
  { "Nimbus Forge", "nimbusforge.test" },
  { "Oakhurst Legal Tech", "oakhurst.test" },
  { "Palisade Semiconductors", "palisade-semi.test" },
  { "Quillstone Publishing", "quillstone.test" },
  { "Redwing Telecom", "redwing-telecom.test" },
  { "Silverbirch Software", "silverbirch.test" },
  { "Terracotta Commerce", "terracotta.test" },
  { "Upland Agritech", "upland-agri.test" },
  { "Verdant Grid", "verdantgrid.test" },
  { "Willowmere Labs", "willowmere.test" },
  { "Xanthe Street Studios", "xanthestreet.test" },
  { "Yarrow Systems", "yarrow.test" },
  { "Zinnia Learning", "zinnia-learning.test" },
  { "Acorn & Ash", "acornash.test" },
  { "Blue Heron Software", "blueheron.test" },
  { "Cobaltline", "cobaltline.test" },
  { "Duskwood Interactive", "duskwood.test" },
  { "Eastwind Freight", "eastwind-freight.test" },
  { "Fennel Foods Digital", "fennelfoods.test" },
  { "Granite Peak Data", "granitepeak.test" },
  { "Hollowell Robotics", "hollowell.test" },
  { "Indigo Harbor", "indigoharbor.test" },
  { "Jadeport Trading", "jadeport.test" },
  { "Kestrelmoor Software", "kestrelmoor.test" },
  { "Lumenvale Optics", "lumenvale.test" },
  { "Meadowlark Health", "meadowlark-health.test" },
  { "Nightjar Security", "nightjar.test" },
  { "Orchard Street Labs", "orchardstreet.test" },
  { "Pebblebrook Systems", "pebblebrook.test" },
  { "Quayside Robotics", "quayside.test" },
  { "Rosewater Analytics", "rosewater.test" },
  { "Sandpiper Mobile", "sandpiper.test" },
  { "Thistledown Software", "thistledown.test" },
  { "Ultramarine Studio", "ultramarine.test" },
  { "Vireo Networks", "vireo-networks.test" },
  { "Waxwing Data", "waxwing.test" },
  { "Yellowpine Cloud", "yellowpine.test" },
  { "Zenith Lane Software", "zenithlane.test" },
  { "Arclight Engineering", "arclight-eng.test" },
  { "Bramblewood Games", "bramblewood.test" },
  { "Coralreef Biosciences", "coralreef-bio.test" },
  { "Deepwell Geosystems", "deepwell.test" },
  { "Ebbtide Software", "ebbtide.test" },
  { "Fairhaven Bank Digital", "fairhaven.test" },
  { "Goldcrest Telecom", "goldcrest.test" },
  { "Highmoor Research", "highmoor.test" },
  { "Inkwell Docs", "inkwell-docs.test" },
  { "Jasper Falls Energy", "jasperfalls.test" },
  { "Kingfisher Analytics", "kingfisher-analytics.test" },
  { "Larkspur Retail", "larkspur.test" },
  { "Moonrise Systems", "moonrise.test" },
  { "Nettlefield Agritech", "nettlefield.test" },
  { "Obsidian Arc", "obsidianarc.test" },
  { "Puffin Logistics", "puffin-logistics.test" },
  { "Quarry Hill Software", "quarryhill.test" },
  { "Ravenstone Security", "ravenstone.test" },
  { "Sealight Marine", "sealight.test" },
  { "Tamarind Payments", "tamarind.test" },
  { "Underhill Insurance", "underhill.test" },
  { "Velvetleaf Media", "velvetleaf.test" },
  { "Wildflower Health", "wildflower-health.test" },
  { "Yewtree Consulting", "yewtree.test" },
  { "Baobab Digital", "baobab-digital.test" },
  { "Kilima Tech", "kilima.test" },
  { "Savanna Pay", "savannapay.test" },
  { "Jollof Labs", "jollof-labs.test" },
  { "Harambee Systems", "harambee.test" },
  { "Sakura Mesh", "sakuramesh.test" },
  { "Hanok Cloud", "hanok-cloud.test" },
  { "Lotus Bridge Software", "lotusbridge.test" },
  { "Monsoon Data", "monsoon-data.test" },
  { "Chai & Code", "chaicode.test" },
  { "Ceibo Software", "ceibo.test" },
  { "Araucaria Labs", "araucaria.test" },
  { "Quetzal Cloud", "quetzal.test" },
  { "Colibrí Sistemas", "colibri.test" },
  { "Jacarandá Tecnologia", "jacaranda.test" },
  { "Fjordlys Energi", "fjordlys.test" },
  { "Nordvind Systems", "nordvind.test" },
  { "Tundra Works", "tundraworks.test" },
  { "Birkenwald Software", "birkenwald.test" },
  { "Lindenhof Automation", "lindenhof.test" },
  { "Maison Verte Numérique", "maisonverte.test" },
  { "Atelier Lumière", "atelier-lumiere.test" },
  { "Vista Serena Cloud", "vistaserena.test" },
  { "Casa Nube", "casanube.test" },
  { "Anatolia Yazılım", "anatolia-yazilim.test" },
  { "Bosphorus Labs", "bosphorus-labs.test" },
  { "Simorgh Software", "simorgh.test" },
  { "Zagros Data", "zagros.test" },
  { "Oasis Cloud Services", "oasis-cloud.test" },
  { "Medina Code Works", "medinacode.test" },
  { "Vistula Systems", "vistula.test" },
  { "Vltava Software", "vltava.test" },
  { "Dnipro Dev", "dnipro-dev.test" },
  { "Mekong Digital", "mekong-digital.test" },
  { "Nusantara Tech", "nusantara.test" },
  { "Bayanihan Software", "bayanihan.test" },
  { "University of Eastbrook", "eastbrook.edu.test" },
  { "Westmarch University", "westmarch.edu.test" },
  { "Northfield Institute of Technology", "nit.edu.test" },
  { "Lakeshore State University", "lakeshore.edu.test" },
  { "Universidad de Valcorta", "uvalcorta.edu.test" },
  { "Universidade Federal de Serra Azul", "ufsa.edu.test" },
  { "Technische Hochschule Lindenau", "th-lindenau.test" },
  { "Université de Montclair-sur-Loire", "montclair-loire.test" },
  { "Kanto Institute of Science", "kanto-science.ac.test" },
  { "Hanbit National University", "hanbit.ac.test" },
  { "Indus Valley Institute of Technology", "ivit.ac.test" },
  { "Lagoon City University", "lagooncity.edu.test" },
  { "Great Rift University", "greatrift.ac.test" },
  { "Nordlys University College", "nordlys.test" },
  { "Bosporus Technical University", "btu.edu.test" },
  { "Open Meadow Foundation", "openmeadow.test" },
  { "Commons Compute Foundation", "commonscompute.test" },
  { "Free Bits Alliance", "freebits.test" },
  { "Civic Lantern", "civiclantern.test" },
  { "Digital Harvest Initiative", "digitalharvest.test" },
  { "Code Garden Collective", "codegarden.test" },
  { "Public Interest Software Trust", "pistrust.test" },
  { "Open Atlas Foundation", "openatlas.test" },
  { "Stillwater Research Institute", "stillwater.test" },
  { "Heliograph Observatory", "heliograph.test" },
};

const guint rapport_demo_n_organizations = G_N_ELEMENTS (rapport_demo_organizations);

#define LIST(name, array) \
  const RapportDemoList name = { WITH_LENGTH (array) }

static const char * const job_titles[] = {
  "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Principal Engineer",
  "Engineering Manager", "Developer Advocate", "Developer Relations Lead",
  "Community Manager", "Product Manager", "Product Designer", "UX Researcher",
  "Data Scientist", "Data Engineer", "Machine Learning Engineer",
  "Site Reliability Engineer", "DevOps Engineer", "Platform Engineer", "Security Engineer",
  "Solutions Architect", "CTO", "Co-founder", "Founder & CEO", "VP of Engineering",
  "Technical Writer", "QA Engineer", "Frontend Developer", "Backend Developer",
  "Full-Stack Developer", "Mobile Developer", "Embedded Engineer", "Research Scientist",
  "PhD Candidate", "Postdoctoral Researcher", "Professor", "Lecturer", "Student",
  "Intern", "Open Source Program Manager", "Consultant", "Freelance Developer",
  "Systems Administrator", "Release Manager",
};
LIST (rapport_demo_job_titles, job_titles);

static const char * const bios[] = {
  "Builds data pipelines by day, bakes sourdough by night.",
  "Maintainer of a handful of small plugins. Ask me about caching.",
  "Teaching distributed systems and learning from my students.",
  "Accessibility advocate. Screen reader user.",
  "Runs the local meetup; always looking for speakers.",
  "Translating docs into Portuguese one page at a time.",
  "Former sysadmin, current SRE, eternal on-call.",
  "Loves tiny binaries and fast startup times.",
  "First contribution in 2023, still hooked.",
  "Writes about open source sustainability.",
  "Cyclist, climber, occasional conference speaker.",
  "Happiest when a flaky test finally goes green.",
  "Bridging designers and developers.",
  "Student, curious about compilers.",
  "Helps newcomers find their first issue.",
  "Keeps the Helm charts in shape.",
  "Documentation is a feature.",
  "Ex-game developer, now building developer tools.",
  "Mentor in the contributor programme.",
  "Coffee, Rust and long walks through log files.",
};
LIST (rapport_demo_bios, bios);

/* Reserved for documentation (RFC 2606): mail sent there goes nowhere. */
static const char * const personal_domains[] = {
  "example.org", "example.com", "example.net", "mail.test", "inbox.test", "postbox.test",
  "letterbox.test",
};
LIST (rapport_demo_personal_domains, personal_domains);

static const char * const pull_requests[] = {
  "Fix typo in README", "Add ARM64 build to CI", "Update dependencies",
  "Improve error message for a missing config file", "Add Japanese translation",
  "Fix memory leak in the parser", "Document the plugin API",
  "Speed up startup by caching the index", "Add dark mode to the web dashboard",
  "Bump minimum Python version to 3.9", "Fix flaky integration test",
  "Support proxies in the HTTP client", "Refactor the storage layer",
  "Add --json output to the CLI", "Fix crash when the cache folder is missing",
  "Add Helm chart values for resource limits", "Use UTF-8 everywhere in the exporter",
  "Replace deprecated API calls", "Add retries with backoff to the uploader",
  "Fix time zone handling in schedules", "Add example for custom authentication",
  "Make logging configurable", "Fix Windows path handling",
  "Add benchmarks for the query engine", "Improve accessibility of the settings page",
  "Add Brazilian Portuguese translation", "Fix off-by-one in pagination",
  "Add health check endpoint", "Clean up build warnings",
  "Read configuration from environment variables", "Add unit tests for the scheduler",
  "Fix broken links in the docs", "Add Nix build instructions",
  "Drop support for end-of-life Node versions", "Add OpenTelemetry tracing",
  "Fix race condition on shutdown", "Improve the contributor guide",
  "Reduce Docker image size", "Add Turkish translation", "Fix sorting of accented names",
};
LIST (rapport_demo_pull_requests, pull_requests);

static const char * const issues[] = {
  "Crash when opening a very large project", "Build fails on macOS 14",
  "Installation docs are out of date", "Memory usage grows during long syncs",
  "Feature request: export to Parquet", "Login loop behind a reverse proxy",
  "Could not resolve host inside Docker", "Slow startup with thousands of plugins",
  "ARM64 Linux packages", "Dark mode colours are hard to read",
  "Time zone is wrong in the weekly report", "CLI ignores the --config flag",
  "Add an option to disable telemetry", "Upgrade from 2.x to 3.0 fails",
  "Unicode names are sorted incorrectly", "Rate limit errors when syncing large repositories",
  "Docs: explain how to write a plugin", "Search does not find partial words",
  "Webhooks fire twice", "Permission denied on first run", "Proposal: a stable plugin API",
  "Flaky test in CI: scheduler restart", "Screen reader cannot reach the sidebar",
  "Support for PostgreSQL 16", "Segfault on exit under Wayland", "Packaging for Debian",
  "Typo in an error message", "Add a FAQ page", "Incorrect totals in the dashboard",
  "Config file examples are not valid YAML",
};
LIST (rapport_demo_issues, issues);

static const char * const topics[] = {
  "Welcome thread: introduce yourself!", "Building on ARM",
  "How do you deploy behind a reverse proxy?", "Best practices for plugin configuration",
  "Roadmap for 4.0: share your feedback", "Show and tell: what are you building?",
  "Migrating from 2.x to 3.0", "Performance tuning for large installs",
  "Running Fernwood on a Raspberry Pi", "Community call notes",
  "Looking for a mentor for my first contribution", "Translation sprint: join us",
  "Is there a Helm chart?", "Single sign-on with OpenID Connect",
  "Monthly release notes discussion", "Tips for writing good bug reports",
  "Hackathon ideas", "Fernwood in production: your experiences",
  "Backup and restore strategies", "Best way to contribute to the docs?",
  "Accessibility review of the new UI", "Using Fernwood with Kubernetes",
  "Meetup organisers: share your slides", "Question about the licence",
  "Scaling to millions of records", "Beginner question: where do I start?",
  "Proposal: a new plugin registry", "Security disclosure process",
  "Call for speakers: Fernwood Summit", "Office hours Q&A", "Windows support status",
  "How to debug slow queries?", "Offline mode?", "Integrating with CI pipelines",
  "Design feedback on the dashboard", "Weekly help thread",
  "Documentation in other languages", "Release candidate testing",
  "Ideas for the next community survey", "Thank you, maintainers!",
};
LIST (rapport_demo_topics, topics);

static const char * const chat_messages[] = {
  "Good morning everyone!", "Thanks, that fixed it!", "Anyone around to review a small PR?",
  "Is the build broken on main or is it just me?", "Just pushed a fix, could someone take a look?",
  "Welcome aboard! 👋", "What’s the recommended way to run this in Docker?",
  "Congrats on the release 🎉", "I’ll be at the meetup on Thursday",
  "Has anyone tried the new plugin API yet?", "The docs link in the README returns a 404",
  "Happy to help test the release candidate", "Can we move this discussion to the forum?",
  "Here’s a minimal reproduction", "Updated the wiki page", "Looks good to me 👍",
  "Can someone with merge rights take a look?", "Any news on the ARM packages?",
  "Great talk yesterday!", "New here, hello from the other side of the world!",
  "Which branch should I base my PR on?", "The nightly build is green again ✅",
  "I’m seeing the same error on Fedora", "Thanks for the quick review!",
  "Where can I find the design files?", "Is there a good first issue for a newcomer?",
  "Pairing session at 15:00 UTC if anyone wants to join",
  "Slides from the community call are in the drive", "Restarting the CI runner now",
  "Could this be a caching issue?",
};
LIST (rapport_demo_chat_messages, chat_messages);

static const char * const toots[] = {
  "Fernwood 3.2 is out 🎉", "Wrote up how we run Fernwood in production",
  "Slides from my talk are online", "Looking forward to the community call tonight",
  "Our team moved to Fernwood this week", "Reminder: translation sprint this weekend",
  "My first PR to Fernwood just got merged!", "Live-streaming a plugin build on Friday",
  "Fernwood Summit CFP closes soon", "Small tip: the CLI has a --json flag",
  "Thank you to everyone who reviewed my patch", "New blog post: five Fernwood plugins I use daily",
};
LIST (rapport_demo_toots, toots);

static const char * const events[] = {
  "Fernwood Community Call", "Fernwood Summit", "Contributor Sprint", "Docs Hackathon",
  "Release Party", "Maintainer Office Hours", "Plugin Workshop",
  "Newcomer Onboarding Session", "Local Meetup", "Translation Sprint",
  "Maintainers’ Roundtable", "Security Workshop",
};
LIST (rapport_demo_events, events);

static const char * const repositories[] = {
  "fernwood/fernwood", "fernwood/docs", "fernwood/cli", "fernwood/website",
  "fernwood/python-sdk", "fernwood/js-sdk", "fernwood/helm-charts", "fernwood/plugins",
  "fernwood/translations", "fernwood/design",
};
LIST (rapport_demo_repositories, repositories);

static const char * const forum_categories[] = {
  "Help", "General", "Development", "Show and Tell", "Announcements", "Ideas", "Events",
  "Translations",
};
LIST (rapport_demo_forum_categories, forum_categories);

static const char * const slack_channels[] = {
  "#general", "#help", "#dev", "#random", "#introductions", "#announcements", "#docs",
  "#i18n", "#ci", "#events",
};
LIST (rapport_demo_slack_channels, slack_channels);

static const char * const discord_channels[] = {
  "#general", "#help", "#showcase", "#off-topic", "#contributors", "#introductions",
  "#plugins",
};
LIST (rapport_demo_discord_channels, discord_channels);
